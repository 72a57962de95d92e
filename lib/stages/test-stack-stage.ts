import { deployStageConditions, stackTemplateOf, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { PlannedStage } from './planned-stage';
import { ReleaseStep } from './release-step';
import { DeployStackMode } from './release-step-props';
import { DEPLOY_STACK_MODES } from './step-checks';
import { StepPlan } from './step-plan';

/**
 * How the test stack is created: `REPLACE_ON_FAILURE` deletes and recreates a stack left in a failed
 * state (the right choice for a throw-away test stack); `CREATE_UPDATE` fails on such a stack.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export type TestStackMode = DeployStackMode;

/** The names of the test stage's three actions. */
export interface TestStackActionNames {
  /** @default 'CreateStack' */
  readonly create?: string;
  /** @default 'ApproveTestStack' */
  readonly approve?: string;
  /** @default 'DeleteTestStack' */
  readonly delete?: string;
}

export interface TestStackStageProps extends DeployStageProps {
  /**
   * The stage's name in the pipeline.
   * @default 'TestStage'
   */
  readonly stageName?: string;
  /**
   * How the stack is created or updated.
   * @default 'REPLACE_ON_FAILURE'
   */
  readonly mode?: TestStackMode;
  /**
   * The names of the stage's actions.
   * @default - CreateStack, ApproveTestStack, DeleteTestStack
   */
  readonly actionNames?: TestStackActionNames;
}


/**
 * Builds a throw-away test stack, waits for a person to approve it, then deletes that same stack:
 * CreateStack (REPLACE_ON_FAILURE) → ApproveTestStack → DeleteTestStack, in run orders 1, 2, 3. The
 * stack name is given once, so the stack deleted is always the stack created. With `targets` (a
 * wave), one test stack per target: every stack created at once, one approval naming them all with
 * account and region, every stack deleted at once.
 *
 * This is the step stage `[deployStack, approval, deleteStack]`; use `StepStage` to add checks (e.g.
 * a CodeBuild test run before the approval).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-basic-walkthrough.html
 */
export class TestStackStage extends PlannedStage {
  public readonly stackName: string;

  constructor(props: TestStackStageProps) {
    const stageName = props.stageName ?? 'TestStage';
    const where = `TestStackStage ${stageName}`;
    validateDeployStageProps(where, props);
    if (props.mode !== undefined && !DEPLOY_STACK_MODES.includes(props.mode)) {
      throw new Error(`${where}: mode "${String(props.mode)}" is not one of ${DEPLOY_STACK_MODES.join(', ')}.`);
    }
    const names = props.actionNames ?? {};
    const create = ReleaseStep.deployStack({ ...stackTemplateOf(props), mode: props.mode ?? 'REPLACE_ON_FAILURE', actionName: names.create ?? 'CreateStack' });
    const approve = ReleaseStep.approval({ ...props.approval, actionName: names.approve ?? 'ApproveTestStack' });
    const remove = ReleaseStep.deleteStack(create, { actionName: names.delete ?? 'DeleteTestStack' });
    super(where, stageName, deployStageConditions(props), new StepPlan(where, stageName, [create, approve, remove], [
      { at: '', name: `actionNames.create ("${create.actionName}")` },
      { at: 'approval.', name: `actionNames.approve ("${approve.actionName}")` },
      { at: '', name: `actionNames.delete ("${remove.actionName}")` },
    ]));
    this.stackName = props.stackName;
  }
}
