import * as iam from 'aws-cdk-lib/aws-iam';
import { deployStageConditions } from './deploy-stage';
import { PlannedStage } from './planned-stage';
import { ReleaseStep } from './release-step';
import { ReleaseStageConditions, validateStageConditions } from '../release/stage-conditions';
import { grantStageReview } from './review-step';
import { StepPlan } from './step-plan';

/** Props for `StepStage`. */
export interface StepStageProps extends ReleaseStageConditions {
  /** The stage's name in the pipeline. */
  readonly stageName: string;
  /**
   * The stage's steps, in the order they run: step i runs at run order i + 1. A step that deploys
   * into several targets (a wave) is one action per target, all at its run order.
   */
  readonly steps: ReleaseStep[];
}

/**
 * A release stage built from steps: deploys (a stack, or a change set), checks (CodeBuild, Commands,
 * Lambda), approvals, and the steps that execute a change set or delete a stack an earlier step
 * made. E.g. create a test stack, run tests against it, approve, delete it:
 *
 * ```ts
 * const testStack = ReleaseStep.deployStack({ stackName: 'Test-App', templatePath: 'app.yaml', target, mode: 'REPLACE_ON_FAILURE' });
 * new StepStage({ stageName: 'Test', steps: [
 *   testStack,
 *   ReleaseStep.codeBuild({ actionName: 'IntegrationTests', project }),
 *   ReleaseStep.approval(),
 *   ReleaseStep.deleteStack(testStack),
 * ] });
 * ```
 *
 * The constructor refuses an execute or delete step without its deploy step earlier in the stage, a
 * delete of a change set's stack, two actions with one name, and a wave of two targets in one
 * account and region or more targets than CodePipeline runs in parallel.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html
 */
export class StepStage extends PlannedStage {
  /** The stage's steps, in run order. */
  public readonly steps: readonly ReleaseStep[];

  constructor(props: StepStageProps) {
    const where = `StepStage ${props.stageName}`;
    validateStageConditions(where, props);
    const steps = [...(props.steps ?? [])];
    super(where, props.stageName, deployStageConditions(props), new StepPlan(where, props.stageName, steps, steps.map((step, index) => ({
      at: `steps[${index}].`,
      name: `steps[${index}] ("${step?.actionName}")`,
    }))));
    this.steps = steps;
  }

  /** Lets `grantee` approve or reject every approval step of the stage (before or after it is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    if (!this.plan.hasApproval) {
      throw new Error(`${this.where}.grantApprove: the stage has no approval step, so there is nothing to approve; add ReleaseStep.approval() to its steps, or grant on the stage that has the approval.`);
    }
    super.grantApprove(grantee);
  }

  /**
   * Lets `principalArn` (an IAM role or user in any account, by literal ARN) read the change sets of
   * every target of the stage: `DeploymentTarget.grantReview()` on each, so that an approver can run
   * `pipectl review` (or `pipectl approve --review`) with `--role-name <name>-review` (`<name>` the PipelineIdentity's name; pipectl adds `-<region>` for a target outside the pipeline's region) before deciding.
   */
  public grantReview(principalArn: string): void {
    grantStageReview(this.where, this.targets, principalArn);
  }
}

