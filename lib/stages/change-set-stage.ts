import { deployStageConditions, stackTemplateOf, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { validateCloudFormationName } from './names';
import { PlannedStage } from './planned-stage';
import { ReleaseStep } from './release-step';
import { ReviewChangeSetStepProps } from './release-step-props';
import { grantStageReview } from './review-step';
import { StepPlan } from './step-plan';

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
export class ChangeSetStage extends PlannedStage {
  public readonly stackName: string;
  public readonly changeSetName: string;

  constructor(props: ChangeSetStageProps) {
    const stageName = props.stageName ?? 'ProdStage';
    const where = `ChangeSetStage ${stageName}`;
    validateDeployStageProps(where, props);
    validateCloudFormationName(props.changeSetName, `${where}: changeSetName`);
    const names = props.actionNames ?? {};
    const create = ReleaseStep.createChangeSet({ ...stackTemplateOf(props), changeSetName: props.changeSetName, actionName: names.create ?? 'CreateChangeSet' });
    if (names.review !== undefined && props.review === undefined) {
      throw new Error(`${where}: actionNames.review names a review step the stage does not have; add review (e.g. review: {}) or remove actionNames.review.`);
    }
    const review = props.review === undefined ? [] : [ReleaseStep.reviewChangeSet(create, { ...props.review, actionName: names.review ?? 'ReviewChangeSet' })];
    const approval = ReleaseStep.approval({ ...props.approval, actionName: names.approve ?? 'ApproveChangeSet' });
    const execute = ReleaseStep.executeChangeSet(create, { actionName: names.execute ?? 'ExecuteChangeSet' });
    super(where, stageName, deployStageConditions(props), new StepPlan(where, stageName, [create, ...review, approval, execute], [
      { at: '', name: `actionNames.create ("${create.actionName}")` },
      ...review.map((step) => ({ at: 'review.', name: `actionNames.review ("${step.actionName}")` })),
      { at: 'approval.', name: `actionNames.approve ("${approval.actionName}")` },
      { at: '', name: `actionNames.execute ("${execute.actionName}")` },
    ]));
    this.stackName = props.stackName;
    this.changeSetName = props.changeSetName;
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
