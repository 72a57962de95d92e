/**
 * The plain pipeline model: the CodePipeline API's `PipelineDeclaration` shape, with every value that
 * only exists at deploy time (a CloudFormation intrinsic such as `{ Ref }` or `{ Fn::Sub }`) kept as an
 * {@link Unresolved} marker so that rules can skip it instead of raising a false error.
 *
 * Every consumer — the rules, `pipectl validate`, `pipectl diagram`, `pipelineSummary()` — reads this
 * model, never CDK objects or raw templates.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */

/** A value only known at deploy time, e.g. `{ "Fn::GetAtt": ["Role", "Arn"] }`. */
export interface Unresolved {
  readonly unresolved: true;
  /** The expression as it appeared in the source (an intrinsic function object, or a CDK token). */
  readonly expression: unknown;
}

/**
 * A value the declaration gives in a shape the API cannot take: an object that is not an intrinsic,
 * or a list, where text or a number belongs (`RunOrder: [1]`, `Name: { foo: 1 }`). The reader lists
 * where it is in {@link PipelineModel.malformed}, the declaration-shape rule reports it, and every
 * other rule skips it as it skips deploy-time values, so that one mistake makes one finding.
 */
export interface Malformed {
  readonly malformed: true;
  /** The value as it appeared in the source. */
  readonly value: unknown;
}

/** A literal value, one only known at deploy time, or one given in a shape the API cannot take. */
export type Maybe<T> = T | Unresolved | Malformed;

export interface ActionTypeId {
  readonly category: Maybe<string>;
  readonly owner: Maybe<string>;
  readonly provider: Maybe<string>;
  readonly version: Maybe<string>;
}

export interface ArtifactRef {
  readonly name: Maybe<string>;
}

export interface ActionModel {
  readonly name: Maybe<string>;
  readonly actionTypeId: ActionTypeId;
  /**
   * The service's default is 1 when absent. CloudFormation templates may give it as a string; a
   * numeric string becomes a number, anything else stays as written so that a rule can report it.
   */
  readonly runOrder?: Maybe<number | string>;
  /** Configuration values as given: strings, or booleans/numbers that CloudFormation stringifies. */
  readonly configuration: Readonly<Record<string, Maybe<string | number | boolean>>>;
  /**
   * Configuration keys whose value is a JSON object or list rather than text (the API takes only
   * strings). Their values stand in `configuration` as unknown, so that no other rule misreads them.
   */
  readonly nonTextConfiguration?: readonly string[];
  readonly inputArtifacts: readonly ArtifactRef[];
  readonly outputArtifacts: readonly ArtifactRef[];
  readonly roleArn?: Maybe<string>;
  readonly region?: Maybe<string>;
  readonly namespace?: Maybe<string>;
  readonly timeoutInMinutes?: Maybe<number | string>;
  /** Shell commands of a Commands action (V2; category Compute, provider Commands). */
  readonly commands?: readonly Maybe<string>[];
  /** Names of the variables a Commands action exports from its environment (V2). */
  readonly outputVariables?: readonly Maybe<string>[];
  /** Environment variables of a Commands action (V2). */
  readonly environmentVariables?: readonly EnvironmentVariableModel[];
}

export interface EnvironmentVariableModel {
  readonly name: Maybe<string>;
  readonly value: Maybe<string>;
}

/**
 * What a stage condition's rule is: category `Rule`, owner `AWS`, and a provider such as
 * CloudWatchAlarm, DeploymentWindow, LambdaInvoke, VariableCheck, CodeBuild or Commands.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleTypeId.html
 */
export interface RuleTypeIdModel {
  readonly category: Maybe<string>;
  readonly owner?: Maybe<string>;
  readonly provider: Maybe<string>;
  readonly version?: Maybe<string>;
}

/**
 * One rule of a stage condition (V2): checked when the stage is entered, succeeds or fails.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleDeclaration.html
 */
export interface RuleModel {
  readonly name: Maybe<string>;
  readonly ruleTypeId: RuleTypeIdModel;
  readonly configuration: Readonly<Record<string, Maybe<string | number | boolean>>>;
  readonly commands?: readonly Maybe<string>[];
  readonly inputArtifacts: readonly ArtifactRef[];
  readonly roleArn?: Maybe<string>;
  readonly region?: Maybe<string>;
  readonly timeoutInMinutes?: Maybe<number | string>;
}

/**
 * A stage condition (V2): its rules, and what happens when they are not met (`result`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Condition.html
 */
export interface ConditionModel {
  readonly result?: Maybe<string>;
  readonly rules: readonly RuleModel[];
}

/**
 * What a stage does when it fails (V2): roll back, fail, retry or skip, and the condition that decides.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_FailureConditions.html
 */
export interface FailureConditionsModel {
  readonly result?: Maybe<string>;
  readonly retryMode?: Maybe<string>;
  readonly conditions?: readonly ConditionModel[];
}

/** The conditions checked before a stage is entered, or once it succeeded (V2). */
export interface StageConditionsModel {
  readonly conditions: readonly ConditionModel[];
}

export interface StageModel {
  readonly name: Maybe<string>;
  readonly actions: readonly ActionModel[];
  readonly onFailure?: FailureConditionsModel;
  readonly onSuccess?: StageConditionsModel;
  readonly beforeEntry?: StageConditionsModel;
}

/**
 * A pipeline-level variable (V2), referenced as `#{variables.name}`.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariableDeclaration.html
 */
export interface PipelineVariableModel {
  readonly name: Maybe<string>;
  readonly defaultValue?: Maybe<string>;
  readonly description?: Maybe<string>;
}

/** Patterns a Git trigger filter includes and excludes (branches, tags or file paths). */
export interface GitFilterCriteriaModel {
  readonly includes?: readonly Maybe<string>[];
  readonly excludes?: readonly Maybe<string>[];
}

export interface GitPushFilterModel {
  readonly tags?: GitFilterCriteriaModel;
  readonly branches?: GitFilterCriteriaModel;
  readonly filePaths?: GitFilterCriteriaModel;
}

export interface GitPullRequestFilterModel {
  /** OPEN, UPDATED, CLOSED. */
  readonly events?: readonly Maybe<string>[];
  readonly branches?: GitFilterCriteriaModel;
  readonly filePaths?: GitFilterCriteriaModel;
}

/**
 * A trigger (V2): which source action's Git events start the pipeline, filtered by push or pull request.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineTriggerDeclaration.html
 */
export interface TriggerModel {
  /** Only CodeStarSourceConnection. */
  readonly providerType: Maybe<string>;
  /**
   * The source action the trigger watches (`gitConfiguration.sourceActionName`); unknown when the Git
   * configuration is behind an intrinsic or malformed, and absent when it is missing.
   */
  readonly sourceActionName: Maybe<string>;
  readonly push?: readonly GitPushFilterModel[];
  readonly pullRequest?: readonly GitPullRequestFilterModel[];
}

/**
 * A stage whose inbound transition the template disables (CloudFormation's
 * `DisableInboundStageTransitions`; the API keeps it outside the declaration).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagetransition.html
 */
export interface DisabledTransitionModel {
  readonly stageName: Maybe<string>;
  readonly reason: Maybe<string>;
}

export interface EncryptionKeyModel {
  readonly id: Maybe<string>;
  readonly type: Maybe<string>;
}

export interface ArtifactStoreModel {
  readonly type: Maybe<string>;
  readonly location: Maybe<string>;
  readonly encryptionKey?: EncryptionKeyModel;
}

export interface TagModel {
  readonly key: Maybe<string>;
  readonly value: Maybe<string>;
}

/**
 * A part of the declaration that is not of the shape the API defines (a string where a list belongs,
 * a stage that is not an object), as the reader found it.
 */
export interface MalformedPart {
  /**
   * Where, in the API's member names with the model's indices, e.g. `stages[0].actions`; the empty
   * string for the declaration as a whole (a template's `Properties: null`).
   */
  readonly path: string;
  /** What belongs there, e.g. "a list of actions". */
  readonly expected: string;
  /** What is there instead, e.g. "a string". */
  readonly got: string;
  /** The index in {@link PipelineModel.stages} of the stage it is in, when it is in one. */
  readonly stageIndex?: number;
  /** The index in that stage's actions of the action it is in, when it is in one. */
  readonly actionIndex?: number;
}

/**
 * Facts about the surroundings of a pipeline that the declaration itself does not carry but that some
 * rules need: the account and region it is deployed to, and what is known of S3 buckets it reads.
 */
export interface PipelineContext {
  /** The pipeline's own account, when known (a literal stack account, or the account in `roleArn`). */
  readonly account?: string;
  /** The pipeline's own region, when known. */
  readonly region?: string;
  /**
   * S3 buckets defined beside the pipeline (same template or stack), by the value a source action's
   * `S3Bucket` configuration holds for them (a literal name, or the intrinsic's JSON).
   */
  readonly buckets?: Readonly<Record<string, BucketFacts>>;
  /**
   * Roles defined beside the pipeline (in the same CDK app) whose permissions hold in some regions
   * only, by role ARN: a deployment target's roles act on its own region's stacks, bucket and key.
   */
  readonly roles?: Readonly<Record<string, RoleFacts>>;
}

export interface RoleFacts {
  /** The regions the role's permissions name. */
  readonly regions: readonly string[];
  /** What defines the role, for messages: e.g. the construct path of its stack. */
  readonly definedBy: string;
}

export interface BucketFacts {
  /** Whether versioning is enabled on the bucket; undefined when only known at deploy time. */
  readonly versioned: boolean | undefined;
  /** The account the bucket is in, when known. */
  readonly account?: string;
}

/** Where a pipeline came from, for messages. */
export interface PipelineOrigin {
  /** A file path, for pipelines read from a file. */
  readonly file?: string;
  /** The CloudFormation logical ID, for pipelines read from a template. */
  readonly logicalId?: string;
  /** The construct path, for pipelines checked inside a CDK app. */
  readonly constructPath?: string;
}

export interface PipelineModel {
  /**
   * The pipeline name. For a template resource without an explicit `Name`, the logical ID stands in
   * (CloudFormation generates a name from it) and {@link nameIsGenerated} is true.
   */
  readonly name: Maybe<string>;
  readonly nameIsGenerated?: boolean;
  readonly roleArn?: Maybe<string>;
  readonly pipelineType?: Maybe<string>;
  /** SUPERSEDED (the service's default), QUEUED or PARALLEL (V2). */
  readonly executionMode?: Maybe<string>;
  readonly variables?: readonly PipelineVariableModel[];
  readonly triggers?: readonly TriggerModel[];
  readonly disabledInboundTransitions?: readonly DisabledTransitionModel[];
  readonly artifactStore?: ArtifactStoreModel;
  /** Per-region artifact stores (cross-region pipelines), keyed by region. */
  readonly artifactStores?: Readonly<Record<string, ArtifactStoreModel>>;
  readonly stages: readonly StageModel[];
  readonly tags?: readonly TagModel[];
  /**
   * Parts of the declaration that are only known at deploy time (e.g. a stage list behind `Fn::If`),
   * by path in the API's member names with the model's indices (`stages[1].beforeEntry`,
   * `triggers[0].gitConfiguration.push[0].branches.includes`; CloudFormation's own
   * `disableInboundStageTransitions`). A list with an intrinsic item keeps its literal items; an
   * object behind an intrinsic stands in the model with its values unknown and its lists empty.
   * Rules that count or order a part skip it then, rather than report a false error: ask
   * `partKnown` (walk.ts), which also answers for the members of such objects and of malformed parts.
   */
  readonly unresolvedParts?: readonly string[];
  /**
   * Parts of the declaration in a shape the API cannot take, which the declaration-shape rule reports.
   * A malformed list or stage counts as unknown for the rules that count or order the pipeline, and a
   * malformed stage or action stands in its list (so that counts and indices stay right) with every
   * member unknown.
   */
  readonly malformed?: readonly MalformedPart[];
  readonly context: PipelineContext;
  readonly origin: PipelineOrigin;
}
