import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { ReleaseStageConditions } from '../release/stage-conditions';

/** What a ReleasePipeline gives each of its stages when it adds them. */
export interface ReleaseStageContext {
  /** The pipeline construct: the scope for anything the stage creates in the pipeline account. */
  readonly scope: Construct;
  /** The artifact stages deploy by default: the build's output, or the source's when there is no build. */
  readonly defaultArtifact: codepipeline.Artifact;
}

/** A stack a release stage deploys, as the pipeline's checks see it. */
export interface ReleaseStageStack {
  /** The CloudFormation stack's name (in the stage's target, or the pipeline account). */
  readonly stackName: string;
  /** Whether the stage deletes the stack after deploying it (a throw-away test stack). */
  readonly deletes: boolean;
}

/** A stage a ReleasePipeline can run after its source (and build). */
export interface IReleaseStage {
  /** The stage's name in the pipeline. */
  readonly stageName: string;
  /** The target account the stage deploys into (undefined: the pipeline's account). */
  readonly target: DeploymentTarget | undefined;
  /**
   * The stacks the stage deploys, in its target (or the pipeline account). The pipeline refuses two
   * stages that use one stack in one account and region when either deletes it.
   * @default - none declared: the stage is left out of that check
   */
  readonly stacks?: readonly ReleaseStageStack[];
  /**
   * The stage's V2 conditions (rollback or retry on failure, a condition on success or before
   * entry). The pipeline renders them, grants the pipeline role what their rules read, and refuses
   * them on a V1 pipeline and a rollback in PARALLEL execution mode.
   * @default - none
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
   */
  readonly conditions?: ReleaseStageConditions;
  /** The stage's actions, in run order; called once, by the pipeline that adds the stage. */
  bind(context: ReleaseStageContext): codepipeline.StageOptions;
  /** Called once the stage exists in the pipeline (aws-cdk-lib grants on actions only then). */
  bound(): void;
  /** Lets `grantee` approve or reject this stage's manual approval. */
  grantApprove(grantee: iam.IGrantable): void;
}
