/**
 * The CodePipeline API's limits on the V2 parts of a pipeline declaration that the constructs check
 * where they are made (the rules check the same limits on any declaration at synth).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const V2_LIMITS = {
  /** PipelineVariableDeclarationList: 0–50. */
  maxVariables: 50,
  /** PipelineVariableName: 1–128 of letters, digits, "@", "-" and "_". */
  variableName: { pattern: /^[A-Za-z0-9@_-]+$/, allowed: 'letters, digits, "@", "-" and "_"', maxLength: 128 },
  /** PipelineVariableValue: 1–1000. */
  maxVariableDefaultValueLength: 1000,
  /** PipelineVariableDescription: 0–200. */
  maxVariableDescriptionLength: 200,
  /** GitPushFilterList and GitPullRequestFilterList: 1–3 each. */
  maxFiltersPerEvent: 3,
  /** GitBranchPatternList, GitTagPatternList, GitFilePathPatternList: 1–8 patterns. */
  maxPatternsPerList: 8,
  /** GitBranchNamePattern, GitTagNamePattern, GitFilePathPattern: 1–255 characters. */
  maxPatternLength: 255,
  /** RuleDeclarationList: 1–5 rules per condition. */
  maxRulesPerCondition: 5,
  /** RuleName: 1–100 of letters, digits, ".", "@", "-" and "_". */
  ruleName: { pattern: /^[A-Za-z0-9.@_-]+$/, allowed: 'letters, digits, ".", "@", "-" and "_"', maxLength: 100 },
} as const;
