/**
 * The CodePipeline API's limits on the V2 parts of a pipeline declaration, from its model: one table
 * for the rules (which check any declaration at synth) and the constructs (which check their props
 * where they are made).
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
  /** PipelineTriggerDeclarationList: 0–50. */
  maxTriggers: 50,
  /** GitPushFilterList and GitPullRequestFilterList: 1–3 each. */
  maxFiltersPerEvent: 3,
  /** GitBranchPatternList, GitTagPatternList, GitFilePathPatternList: 1–8 patterns. */
  maxPatternsPerList: 8,
  /** GitBranchNamePattern, GitTagNamePattern, GitFilePathPattern: 1–255 characters. */
  maxPatternLength: 255,
  /** RuleDeclarationList: 1–5 rules per condition. */
  maxRulesPerCondition: 5,
  /** RuleConfigurationMap: at most 200 keys; RuleConfigurationKey 1–50, RuleConfigurationValue 1–10000. */
  maxRuleConfigurationKeys: 200,
  maxRuleConfigurationKeyLength: 50,
  maxRuleConfigurationValueLength: 10000,
  /** RuleTimeout: 5–86400 minutes. */
  ruleTimeoutMinutes: { min: 5, max: 86400 },
  /** CommandList: 1–50 commands of 1–1000 characters (actions and rules). */
  maxCommands: 50,
  maxCommandLength: 1000,
  /** OutputVariableList: 1–15 names of 1–128 characters. */
  maxOutputVariables: 15,
  maxOutputVariableLength: 128,
  /** EnvironmentVariableList: 1–10; EnvironmentVariableName 1–128 of [A-Za-z0-9_]; value 1–2000. */
  maxEnvironmentVariables: 10,
  environmentVariableName: { pattern: /^[A-Za-z0-9_]+$/, maxLength: 128 },
  maxEnvironmentVariableValueLength: 2000,
  /** RuleName: 1–100 of letters, digits, ".", "@", "-" and "_". */
  ruleName: { pattern: /^[A-Za-z0-9.@_-]+$/, allowed: 'letters, digits, ".", "@", "-" and "_"', maxLength: 100 },
} as const;
