import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { approvalAction } from './approval-action';
import { testStackComments } from './approval-comments';
import { ApprovalGrants } from './approval-grants';
import { approvalTopic } from './approval-topic';
import { stackConsoleUrl } from './console-links';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { deployStageConditions, deployStageInputs, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { ReleaseStageConditions } from '../release/stage-conditions';
import { IReleaseStage, ReleaseStageContext, ReleaseStageStack } from './release-stage';

/**
 * How the test stack is created: `REPLACE_ON_FAILURE` deletes and recreates a stack left in a failed
 * state (the right choice for a throw-away test stack); `CREATE_UPDATE` fails on such a stack.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export type TestStackMode = 'REPLACE_ON_FAILURE' | 'CREATE_UPDATE';

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

const MODES: readonly TestStackMode[] = ['REPLACE_ON_FAILURE', 'CREATE_UPDATE'];

/**
 * Builds a throw-away test stack, waits for a person to approve it, then deletes that same stack:
 * CreateStack (REPLACE_ON_FAILURE) → ApproveTestStack → DeleteTestStack, in run orders 1, 2, 3. The
 * stack name is given once, so the stack deleted is always the stack created.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-basic-walkthrough.html
 */
export class TestStackStage implements IReleaseStage {
  public readonly stageName: string;
  public readonly stackName: string;
  /** The target the stage deploys into; undefined for the pipeline account. */
  public readonly target: DeploymentTarget | undefined;
  /** The test stack, which the stage deletes after its approval. */
  public readonly stacks: readonly ReleaseStageStack[];
  /** The stage's V2 conditions, when it has any. */
  public readonly conditions: ReleaseStageConditions | undefined;
  private readonly approvers = new ApprovalGrants();
  private isBound = false;

  constructor(private readonly props: TestStackStageProps) {
    this.stageName = props.stageName ?? 'TestStage';
    const where = `TestStackStage ${this.stageName}`;
    validateDeployStageProps(where, props);
    this.conditions = deployStageConditions(props);
    if (props.mode !== undefined && !MODES.includes(props.mode)) {
      throw new Error(`${where}: mode "${String(props.mode)}" is not one of ${MODES.join(', ')}.`);
    }
    this.stackName = props.stackName;
    this.target = props.target;
    this.stacks = [{ stackName: props.stackName, deletes: true }];
  }

  public bind(context: ReleaseStageContext): codepipeline.StageOptions {
    if (this.isBound) throw new Error(`TestStackStage ${this.stageName} is already in a pipeline; create one stage object per pipeline stage.`);
    this.isBound = true;
    const props = this.props;
    const names = props.actionNames ?? {};
    const { placement, region, templateAction } = deployStageInputs(`TestStackStage ${this.stageName}`, context, props);
    props.target?.allowStack(props.stackName);

    const create = new codepipeline_actions.CloudFormationCreateUpdateStackAction({
      actionName: names.create ?? 'CreateStack',
      runOrder: 1,
      stackName: props.stackName,
      replaceOnFailure: (props.mode ?? 'REPLACE_ON_FAILURE') === 'REPLACE_ON_FAILURE',
      ...templateAction,
    });
    const approval = props.approval ?? {};
    const approve = approvalAction({
      actionName: names.approve ?? 'ApproveTestStack',
      runOrder: 2,
      topic: approvalTopic(context.scope, `${this.stageName}ApprovalTopic`, approval),
      reviewUrl: approval.reviewUrl ?? stackConsoleUrl(region, props.stackName),
      comments: approval.comments ?? testStackComments(props.stackName, props.target?.account, region),
      timeout: approval.timeout,
    });
    this.approvers.attach(approve);
    const remove = new codepipeline_actions.CloudFormationDeleteStackAction({
      actionName: names.delete ?? 'DeleteTestStack',
      runOrder: 3,
      stackName: props.stackName,
      adminPermissions: false,
      ...placement,
    });
    return { stageName: this.stageName, actions: [create, approve, remove] };
  }

  public bound(): void {
    this.approvers.applyInPipeline();
  }

  /** Lets `grantee` approve or reject the test stack (before or after the stage is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    this.approvers.grant(grantee);
  }
}
