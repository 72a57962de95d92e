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

/** Either a literal value or one that is only known at deploy time. */
export type Maybe<T> = T | Unresolved;

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
}

export interface StageModel {
  readonly name: Maybe<string>;
  readonly actions: readonly ActionModel[];
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
  readonly artifactStore?: ArtifactStoreModel;
  /** Per-region artifact stores (cross-region pipelines), keyed by region. */
  readonly artifactStores?: Readonly<Record<string, ArtifactStoreModel>>;
  readonly stages: readonly StageModel[];
  readonly tags?: readonly TagModel[];
  /**
   * Parts of the declaration that are only known at deploy time (e.g. a stage list behind `Fn::If`).
   * Rules that count or order the whole pipeline skip it then, rather than report a false error.
   */
  readonly unresolvedParts?: readonly string[];
  readonly context: PipelineContext;
  readonly origin: PipelineOrigin;
}
