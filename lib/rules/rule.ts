import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { ResolvedQuotas } from '../quotas';

export type Severity = 'error' | 'warning';

/** What a rule reports: where, what is wrong, and how to fix it. */
export interface Violation {
  readonly stage?: StageModel;
  readonly action?: ActionModel;
  /** What is wrong, including the offending value and the limit. */
  readonly message: string;
  /** How to fix it, as an instruction. */
  readonly fix: string;
  /** Overrides the rule's source, e.g. for quotas that come from a profile or an override. */
  readonly source?: string;
}

export interface RuleContext {
  readonly quotas: ResolvedQuotas;
}

/**
 * One rule the CodePipeline service (or CloudFormation, for its actions) enforces. Rules are pure:
 * they read the plain model and never CDK objects, and they skip values that are unresolved.
 */
export interface Rule {
  /** Stable ID, used in findings, in `--json` output and to acknowledge warnings. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule checks, for the rule table. */
  readonly description: string;
  /** The limit, for the rule table. */
  readonly limit: string;
  /** The document that states the rule. */
  readonly source: string;
  check(pipeline: PipelineModel, context: RuleContext): Iterable<Violation>;
  /**
   * Whether the pipeline has the part the rule checks (triggers, variables, stage conditions,
   * disabled transitions): when it answers false, `check` could find nothing, and the rule engine
   * does not run it. A cheap test shared by the rules of one part (lib/rules/rule-scope.ts).
   * @default - the rule runs on every pipeline
   */
  readonly appliesTo?: (pipeline: PipelineModel) => boolean;
}

/** The documents rules cite. */
export const Sources = {
  API: 'CodePipeline API reference',
  QUOTAS: 'CodePipeline user guide, Quotas in AWS CodePipeline',
  STRUCTURE: 'CodePipeline user guide, Pipeline structure reference',
  CLOUDFORMATION: 'CloudFormation user guide, AWS CloudFormation configuration properties reference',
  CROSS_ACCOUNT: 'CodePipeline user guide, Create a pipeline that uses resources from another AWS account',
  CROSS_REGION: 'CodePipeline user guide, Add a cross-Region action in CodePipeline',
  VARIABLES: 'CodePipeline user guide, Variables reference',
  ACTION_REFERENCE: 'CodePipeline user guide, Action structure reference',
  STAGE_CONDITIONS: 'CodePipeline user guide, Configure conditions for a stage',
  RULE_REFERENCE: 'CodePipeline user guide, CodePipeline rule reference',
  STAGE_ROLLBACK: 'CodePipeline user guide, Configuring stage rollback',
  EXECUTION_MODES: 'CodePipeline user guide, Set or change the pipeline execution mode',
  COMMANDS: 'CodePipeline user guide, Commands action reference',
  PIPELINE_TYPES: 'CodePipeline user guide, Pipeline types',
  TRIGGER_FILTERS: 'CodePipeline user guide, Filter triggers on code push or pull requests',
  TRANSITIONS: 'CodePipeline user guide, Working with stage transitions in CodePipeline',
  CFN_PIPELINE: 'CloudFormation template reference, AWS::CodePipeline::Pipeline',
} as const;
