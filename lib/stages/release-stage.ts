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
  /**
   * The pipeline's type, for limits that differ between V1 and V2 (a wave's parallel actions).
   * @default - V2's limits; the pipeline's synth-time checks still hold a V1 pipeline to its own
   */
  readonly pipelineType?: codepipeline.PipelineType;
  /**
   * The aws-cdk-lib pipeline the stage is added to: a Commands step's role trusts its role alone.
   * @default - none: a stage bound alone cannot hold a Commands step
   */
  readonly pipeline?: codepipeline.Pipeline;
}

/** A stack a release stage deploys, as the pipeline's checks see it. */
export interface ReleaseStageStack {
  /** The CloudFormation stack's name (in the stage's target, or the pipeline account). */
  readonly stackName: string;
  /** Whether the stage deletes the stack after deploying it (a throw-away test stack). */
  readonly deletes: boolean;
  /**
   * The target the stack is deployed into (each target of a wave is one entry).
   * @default - the stage's `target`, or the pipeline's account and region
   */
  readonly target?: DeploymentTarget;
}

/** A stage a ReleasePipeline can run after its source (and build). */
export interface IReleaseStage {
  /** The stage's name in the pipeline. */
  readonly stageName: string;
  /**
   * The target the stage deploys into: undefined for the pipeline's account, and for a stage with
   * several targets (a wave, or steps into different targets), whose targets are in `targets`.
   */
  readonly target: DeploymentTarget | undefined;
  /**
   * Every target the stage deploys into, in the order its steps name them; the pipeline's artifact
   * store must let each of them read the artifacts.
   * @default - `[target]` when `target` is set, otherwise none
   */
  readonly targets?: readonly DeploymentTarget[];
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
  /** Lets `grantee` approve or reject this stage's manual approval(s). */
  grantApprove(grantee: iam.IGrantable): void;
}

/** Every target `stage` deploys into: its `targets`, or its `target`. */
export function releaseStageTargets(stage: IReleaseStage): readonly DeploymentTarget[] {
  return stage.targets ?? (stage.target ? [stage.target] : []);
}
