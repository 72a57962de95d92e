import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { deployStageConditions, stackTemplateOf, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { ReleaseStageConditions } from '../release/stage-conditions';
import { IReleaseStage, ReleaseStageContext, ReleaseStageStack } from './release-stage';
import { ReleaseStep } from './release-step';
import { DeployStackMode } from './release-step-props';
import { DEPLOY_STACK_MODES } from './step-checks';
import { StepPlan } from './step-plan';
import { onlyTarget } from './step-stage';

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
export class TestStackStage implements IReleaseStage {
  public readonly stageName: string;
  public readonly stackName: string;
  /** The target the stage deploys into; undefined for the pipeline account, or a wave of several (see `targets`). */
  public readonly target: DeploymentTarget | undefined;
  /** Every target the stage deploys into. */
  public readonly targets: readonly DeploymentTarget[];
  /** The test stack in each target, which the stage deletes after its approval. */
  public readonly stacks: readonly ReleaseStageStack[];
  /** The stage's V2 conditions, when it has any. */
  public readonly conditions: ReleaseStageConditions | undefined;
  private readonly plan: StepPlan;

  constructor(props: TestStackStageProps) {
    this.stageName = props.stageName ?? 'TestStage';
    const where = `TestStackStage ${this.stageName}`;
    validateDeployStageProps(where, props);
    this.conditions = deployStageConditions(props);
    if (props.mode !== undefined && !DEPLOY_STACK_MODES.includes(props.mode)) {
      throw new Error(`${where}: mode "${String(props.mode)}" is not one of ${DEPLOY_STACK_MODES.join(', ')}.`);
    }
    this.stackName = props.stackName;
    const names = props.actionNames ?? {};
    const create = ReleaseStep.deployStack({ ...stackTemplateOf(props), mode: props.mode ?? 'REPLACE_ON_FAILURE', actionName: names.create ?? 'CreateStack' });
    const steps = [
      create,
      ReleaseStep.approval({ ...props.approval, actionName: names.approve ?? 'ApproveTestStack' }),
      ReleaseStep.deleteStack(create, { actionName: names.delete ?? 'DeleteTestStack' }),
    ];
    this.plan = new StepPlan(where, this.stageName, steps, [
      { at: '', name: `actionNames.create ("${steps[0].actionName}")` },
      { at: 'approval.', name: `actionNames.approve ("${steps[1].actionName}")` },
      { at: '', name: `actionNames.delete ("${steps[2].actionName}")` },
    ]);
    this.stacks = this.plan.stacks;
    this.targets = this.plan.targets;
    this.target = onlyTarget(this.stacks, this.targets);
  }

  public bind(context: ReleaseStageContext): codepipeline.StageOptions {
    const actions = this.plan.bind(context, `TestStackStage ${this.stageName} is already in a pipeline; create one stage object per pipeline stage.`);
    return { stageName: this.stageName, actions };
  }

  public bound(): void {
    this.plan.bound();
  }

  /** Lets `grantee` approve or reject the test stack (before or after the stage is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    this.plan.grantApprove(grantee);
  }
}
