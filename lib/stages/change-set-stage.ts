import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { deployStageConditions, stackTemplateOf, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { validateCloudFormationName } from './names';
import { ReleaseStageConditions } from '../release/stage-conditions';
import { IReleaseStage, ReleaseStageContext, ReleaseStageStack } from './release-stage';
import { ReleaseStep } from './release-step';
import { ReviewChangeSetStepProps } from './release-step-props';
import { grantStageReview } from './review-step';
import { StepPlan } from './step-plan';
import { onlyTarget } from './step-stage';

/** The names of the change-set stage's three actions. */
export interface ChangeSetActionNames {
  /** @default 'CreateChangeSet' */
  readonly create?: string;
  /** @default 'ReviewChangeSet' (with `review`) */
  readonly review?: string;
  /** @default 'ApproveChangeSet' */
  readonly approve?: string;
  /** @default 'ExecuteChangeSet' */
  readonly execute?: string;
}

export interface ChangeSetStageProps extends DeployStageProps {
  /**
   * The stage's name in the pipeline.
   * @default 'ProdStage'
   */
  readonly stageName?: string;
  /**
   * The change set's name; created (replacing an earlier one of that name), approved, then executed.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
   */
  readonly changeSetName: string;
  /**
   * The names of the stage's actions.
   * @default - CreateChangeSet, ApproveChangeSet, ExecuteChangeSet
   */
  readonly actionNames?: ChangeSetActionNames;
  /**
   * Review the change set before the approval (`ReleaseStep.reviewChangeSet`): one action per
   * target reads it as the target's reviewer role, writes its report as an artifact, and puts a
   * one-line summary in the approval's default comments. `{}` reviews without failing; `failOn`
   * fails the stage on unacknowledged data-loss or permission changes. Needs a target.
   * @default - no review step
   */
  readonly review?: Omit<ReviewChangeSetStepProps, 'actionName'>;
}

/**
 * Prepares a change set for a stack, waits for a person to approve it, then executes that same change
 * set: CreateChangeSet (CHANGE_SET_REPLACE) → ApproveChangeSet → ExecuteChangeSet, in run orders 1, 2,
 * 3; with `review`, ReviewChangeSet runs between the first two (run orders 1–4). Stack and change
 * set names are given once, so the change set executed is the one approved. With `targets` (a wave),
 * every change set is created at once, one approval names them all with account and region, and
 * every change set is executed at once.
 *
 * This is the step stage `[createChangeSet, approval, executeChangeSet]`; use `StepStage` to add
 * checks before or after the approval.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-basic-walkthrough.html
 */
export class ChangeSetStage implements IReleaseStage {
  public readonly stageName: string;
  public readonly stackName: string;
  public readonly changeSetName: string;
  /** The target the stage deploys into; undefined for the pipeline account, or a wave of several (see `targets`). */
  public readonly target: DeploymentTarget | undefined;
  /** Every target the stage deploys into. */
  public readonly targets: readonly DeploymentTarget[];
  /** The stack the stage deploys (and keeps), in each target. */
  public readonly stacks: readonly ReleaseStageStack[];
  /** The stage's V2 conditions, when it has any. */
  public readonly conditions: ReleaseStageConditions | undefined;
  private readonly plan: StepPlan;

  constructor(props: ChangeSetStageProps) {
    this.stageName = props.stageName ?? 'ProdStage';
    const where = `ChangeSetStage ${this.stageName}`;
    validateDeployStageProps(where, props);
    this.conditions = deployStageConditions(props);
    validateCloudFormationName(props.changeSetName, `${where}: changeSetName`);
    this.stackName = props.stackName;
    this.changeSetName = props.changeSetName;
    const names = props.actionNames ?? {};
    const create = ReleaseStep.createChangeSet({ ...stackTemplateOf(props), changeSetName: props.changeSetName, actionName: names.create ?? 'CreateChangeSet' });
    if (names.review !== undefined && props.review === undefined) {
      throw new Error(`${where}: actionNames.review names a review step the stage does not have; add review (e.g. review: {}) or remove actionNames.review.`);
    }
    const review = props.review === undefined ? [] : [ReleaseStep.reviewChangeSet(create, { ...props.review, actionName: names.review ?? 'ReviewChangeSet' })];
    const approval = ReleaseStep.approval({ ...props.approval, actionName: names.approve ?? 'ApproveChangeSet' });
    const execute = ReleaseStep.executeChangeSet(create, { actionName: names.execute ?? 'ExecuteChangeSet' });
    const steps = [create, ...review, approval, execute];
    this.plan = new StepPlan(where, this.stageName, steps, [
      { at: '', name: `actionNames.create ("${create.actionName}")` },
      ...review.map((step) => ({ at: 'review.', name: `actionNames.review ("${step.actionName}")` })),
      { at: 'approval.', name: `actionNames.approve ("${approval.actionName}")` },
      { at: '', name: `actionNames.execute ("${execute.actionName}")` },
    ]);
    this.stacks = this.plan.stacks;
    this.targets = this.plan.targets;
    this.target = onlyTarget(this.stacks, this.targets);
  }

  public bind(context: ReleaseStageContext): codepipeline.StageOptions {
    const actions = this.plan.bind(context, `ChangeSetStage ${this.stageName} is already in a pipeline; create one stage object per pipeline stage.`);
    return { stageName: this.stageName, actions };
  }

  public bound(): void {
    this.plan.bound();
  }

  /** Lets `grantee` approve or reject the change set (before or after the stage is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    this.plan.grantApprove(grantee);
  }

  /**
   * Lets `principalArn` (an IAM role or user in any account, by literal ARN) read the change sets of
   * every target of the stage: `DeploymentTarget.grantReview()` on each, so that an approver can run
   * `pipectl review` (or `pipectl approve --review`) with `--role-name <name>-review` (`<name>` the PipelineIdentity's name; pipectl adds `-<region>` for a target outside the pipeline's region) before deciding.
   */
  public grantReview(principalArn: string): void {
    grantStageReview(`ChangeSetStage ${this.stageName}`, this.targets, principalArn);
  }
}
