import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { approvalAction } from './approval-action';
import { changeSetComments } from './approval-comments';
import { ApprovalGrants } from './approval-grants';
import { approvalTopic } from './approval-topic';
import { changeSetConsoleUrl } from './console-links';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { deployStageConditions, deployStageInputs, validateDeployStageProps } from './deploy-stage';
import { DeployStageProps } from './deploy-stage-props';
import { validateCloudFormationName } from './names';
import { ReleaseStageConditions } from '../release/stage-conditions';
import { IReleaseStage, ReleaseStageContext, ReleaseStageStack } from './release-stage';

/** The names of the change-set stage's three actions. */
export interface ChangeSetActionNames {
  /** @default 'CreateChangeSet' */
  readonly create?: string;
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
}

/**
 * Prepares a change set for a stack, waits for a person to approve it, then executes that same change
 * set: CreateChangeSet (CHANGE_SET_REPLACE) → ApproveChangeSet → ExecuteChangeSet, in run orders 1, 2,
 * 3. Stack and change set names are given once, so the change set executed is the one approved.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-basic-walkthrough.html
 */
export class ChangeSetStage implements IReleaseStage {
  public readonly stageName: string;
  public readonly stackName: string;
  public readonly changeSetName: string;
  /** The target the stage deploys into; undefined for the pipeline account. */
  public readonly target: DeploymentTarget | undefined;
  /** The stack the stage deploys (and keeps). */
  public readonly stacks: readonly ReleaseStageStack[];
  /** The stage's V2 conditions, when it has any. */
  public readonly conditions: ReleaseStageConditions | undefined;
  private readonly approvers = new ApprovalGrants();
  private isBound = false;

  constructor(private readonly props: ChangeSetStageProps) {
    this.stageName = props.stageName ?? 'ProdStage';
    const where = `ChangeSetStage ${this.stageName}`;
    validateDeployStageProps(where, props);
    this.conditions = deployStageConditions(props);
    validateCloudFormationName(props.changeSetName, `${where}: changeSetName`);
    this.stackName = props.stackName;
    this.changeSetName = props.changeSetName;
    this.target = props.target;
    this.stacks = [{ stackName: props.stackName, deletes: false }];
  }

  public bind(context: ReleaseStageContext): codepipeline.StageOptions {
    if (this.isBound) throw new Error(`ChangeSetStage ${this.stageName} is already in a pipeline; create one stage object per pipeline stage.`);
    this.isBound = true;
    const props = this.props;
    const names = props.actionNames ?? {};
    const { placement, region, templateAction } = deployStageInputs(`ChangeSetStage ${this.stageName}`, context, props);
    props.target?.allowStack(props.stackName, { changeSetName: props.changeSetName });

    const create = new codepipeline_actions.CloudFormationCreateReplaceChangeSetAction({
      actionName: names.create ?? 'CreateChangeSet',
      runOrder: 1,
      stackName: props.stackName,
      changeSetName: props.changeSetName,
      ...templateAction,
    });
    const approval = props.approval ?? {};
    const approve = approvalAction({
      actionName: names.approve ?? 'ApproveChangeSet',
      runOrder: 2,
      topic: approvalTopic(context.scope, `${this.stageName}ApprovalTopic`, approval),
      reviewUrl: approval.reviewUrl ?? changeSetConsoleUrl(region, props.stackName, props.changeSetName),
      comments: approval.comments ?? changeSetComments(props.stackName, props.changeSetName, props.target?.account, region),
      timeout: approval.timeout,
    });
    this.approvers.attach(approve);
    // CHANGE_SET_EXECUTE runs with the role the change set was created with: it takes no RoleArn.
    const { deploymentRole: _unused, ...executePlacement } = placement;
    const execute = new codepipeline_actions.CloudFormationExecuteChangeSetAction({
      actionName: names.execute ?? 'ExecuteChangeSet',
      runOrder: 3,
      stackName: props.stackName,
      changeSetName: props.changeSetName,
      ...executePlacement,
    });
    return { stageName: this.stageName, actions: [create, approve, execute] };
  }

  public bound(): void {
    this.approvers.applyInPipeline();
  }

  /** Lets `grantee` approve or reject the change set (before or after the stage is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    this.approvers.grant(grantee);
  }
}
