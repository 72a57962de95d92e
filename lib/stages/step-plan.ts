import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { approvalAction } from './approval-action';
import { ReviewedItem, reviewComments } from './approval-comments';
import { ApprovalGrants } from './approval-grants';
import { approvalTopic } from './approval-topic';
import { commandsRole } from './commands-role';
import { changeSetConsoleUrl, stackConsoleUrl } from './console-links';
import { deployStageInputs, regionOf } from './deploy-stage';
import { placementOf } from './deployment';
import { ReleaseStageContext, ReleaseStageStack } from './release-stage';
import { DeployStep, ReleaseStep } from './release-step';
import { reviewActions, reviewNamespace, reviewSummaryVariable, validateReviewSteps } from './review-step';
import { ApprovalStepProps } from './release-step-props';
import { StepLabel, validateActionNames, validateFinishSteps, validateStepList, validateStepProps } from './step-checks';
import { Placements, placementsOf, validateWaveSize, waveActionName } from './wave';

/**
 * A stage's steps, checked and ready to become actions: what StepStage, TestStackStage and
 * ChangeSetStage are built on. Step i runs at run order i + 1; a deploy step (and the step that
 * executes or deletes what it made) is one action per target, all at its run order.
 */
export class StepPlan {
  /** Every (stack, target) the steps deploy, and whether a step deletes it. */
  public readonly stacks: readonly ReleaseStageStack[];
  /** Every target the steps deploy into, once each, in order. */
  public readonly targets: readonly DeploymentTarget[];
  /** Whether any step is an approval. */
  public readonly hasApproval: boolean;
  private readonly actionNames: readonly (readonly string[])[];
  private readonly approvers = new Map<ReleaseStep, ApprovalGrants>();
  private isBound = false;

  /**
   * @param where names the stage in messages, e.g. `StepStage Prod`
   * @param labels how messages name each step
   */
  constructor(
    private readonly where: string,
    private readonly stageName: string,
    private readonly steps: readonly ReleaseStep[],
    private readonly labels: readonly StepLabel[],
  ) {
    validateStepList(where, steps);
    steps.forEach((step, index) => validateStepProps(where, step, labels[index]));
    validateFinishSteps(where, steps, labels);
    validateReviewSteps(where, steps, labels);
    this.actionNames = steps.map((step, index) => {
      const placements = this.placementsOfStep(step);
      return placements.map((target) => waveActionName(where, labels[index].at, step.actionName, target, placements.length));
    });
    validateActionNames(where, this.actionNames, labels);

    const deleted = new Set(steps.flatMap((s) => s.spec.kind === 'deleteStack' ? [s.spec.deploy] : []));
    const deploys = steps.filter((s): s is DeployStep => s instanceof DeployStep);
    this.stacks = deploys.flatMap((step) => this.placementsOfStep(step).map((target) => ({
      stackName: step.stackName, deletes: deleted.has(step), ...(target ? { target } : {}),
    })));
    this.targets = [...new Set(this.stacks.flatMap((s) => s.target ? [s.target] : []))];
    for (const step of steps) if (step.kind === 'approval') this.approvers.set(step, new ApprovalGrants());
    this.hasApproval = this.approvers.size > 0;
  }

  /** The stage's actions; once, when a pipeline adds the stage. */
  public bind(context: ReleaseStageContext, alreadyBound: string): codepipeline.IAction[] {
    if (this.isBound) throw new Error(alreadyBound);
    this.isBound = true;
    this.steps.forEach((_step, index) => {
      const count = this.actionNames[index].length;
      if (count > 1) validateWaveSize(this.where, this.labels[index].at, count, context.pipelineType);
    });
    let approvals = 0;
    return this.steps.flatMap((step, index): codepipeline.IAction[] => {
      const spec = step.spec;
      const runOrder = index + 1;
      const names = this.actionNames[index];
      const where = this.where;
      switch (spec.kind) {
        case 'deployStack':
        case 'createChangeSet':
          return placementsOf(spec.props).map((target, t) => {
            const { templateAction } = deployStageInputs(where, context, spec.props, target);
            if (spec.kind === 'deployStack') {
              target?.allowStack(spec.props.stackName);
              return new codepipeline_actions.CloudFormationCreateUpdateStackAction({
                actionName: names[t],
                runOrder,
                stackName: spec.props.stackName,
                replaceOnFailure: spec.props.mode === 'REPLACE_ON_FAILURE',
                ...templateAction,
              });
            }
            target?.allowStack(spec.props.stackName, { changeSetName: spec.props.changeSetName });
            return new codepipeline_actions.CloudFormationCreateReplaceChangeSetAction({
              actionName: names[t],
              runOrder,
              stackName: spec.props.stackName,
              changeSetName: spec.props.changeSetName,
              ...templateAction,
            });
          });
        case 'executeChangeSet':
          return this.placementsOfStep(spec.deploy).map((target, t) => {
            // CHANGE_SET_EXECUTE runs with the role the change set was created with: it takes no RoleArn.
            const { deploymentRole: _unused, ...placement } = placementOf(where, target, target ? undefined : spec.deploy.stackProps.executionRole);
            return new codepipeline_actions.CloudFormationExecuteChangeSetAction({
              actionName: names[t],
              runOrder,
              stackName: spec.deploy.stackName,
              changeSetName: spec.deploy.changeSetName!,
              ...placement,
            });
          });
        case 'deleteStack':
          return this.placementsOfStep(spec.deploy).map((target, t) => new codepipeline_actions.CloudFormationDeleteStackAction({
            actionName: names[t],
            runOrder,
            stackName: spec.deploy.stackName,
            adminPermissions: false,
            ...placementOf(where, target, target ? undefined : spec.deploy.stackProps.executionRole),
          }));
        case 'approval':
          approvals++;
          return [this.approvalActionOf(context, step, spec.props, index, approvals)];
        case 'codeBuild':
          return [new codepipeline_actions.CodeBuildAction({
            actionName: names[0],
            runOrder,
            project: spec.props.project,
            input: spec.props.input ?? context.defaultArtifact,
            extraInputs: spec.props.extraInputs,
            outputs: spec.props.outputs,
            environmentVariables: spec.props.environmentVariables,
          })];
        case 'commands':
          return [new codepipeline_actions.CommandsAction({
            actionName: names[0],
            runOrder,
            role: commandsRole(this.where, context, this.stageName, names[0]),
            commands: spec.props.commands,
            input: spec.props.input ?? context.defaultArtifact,
            extraInputs: spec.props.extraInputs,
            output: spec.props.output,
            outputVariables: spec.props.outputVariables,
          })];
        case 'reviewChangeSet':
          return reviewActions(where, context, this.stageName, spec.props, spec.deploy.stackName, spec.deploy.changeSetName!,
            this.placementsOfStep(spec.deploy), names, runOrder);
        case 'lambdaInvoke':
          return [new codepipeline_actions.LambdaInvokeAction({
            actionName: names[0],
            runOrder,
            lambda: spec.props.lambda,
            userParameters: spec.props.userParameters,
            inputs: spec.props.inputs,
          })];
      }
    });
  }

  /** Called once the stage exists in a pipeline: makes the approval grants asked for so far. */
  public bound(): void {
    for (const grants of this.approvers.values()) grants.applyInPipeline();
  }

  /** Lets `grantee` answer every approval of the stage. */
  public grantApprove(grantee: iam.IGrantable): void {
    for (const grants of this.approvers.values()) grants.grant(grantee);
  }

  private placementsOfStep(step: ReleaseStep): Placements {
    const spec = step.spec;
    if (spec.kind === 'deployStack' || spec.kind === 'createChangeSet') return placementsOf(spec.props);
    if (spec.kind === 'executeChangeSet' || spec.kind === 'deleteStack' || spec.kind === 'reviewChangeSet') return this.placementsOfStep(spec.deploy);
    return [undefined];
  }

  /**
   * The approval at `index`: by default its comments and review URL name what the earlier deploy
   * steps made and no earlier step finished yet, and say what the later steps do with it.
   */
  private approvalActionOf(context: ReleaseStageContext, step: ReleaseStep, props: ApprovalStepProps, index: number, ordinal: number) {
    const items = this.reviewedAt(context, index);
    const [first] = items;
    const defaultUrl = first === undefined ? undefined
      : first.changeSetName !== undefined ? changeSetConsoleUrl(first.region, first.stackName, first.changeSetName)
        : stackConsoleUrl(first.region, first.stackName);
    const topicId = `${this.stageName}ApprovalTopic${ordinal === 1 ? '' : ordinal}`;
    const action = approvalAction({
      actionName: this.actionNames[index][0],
      runOrder: index + 1,
      topic: approvalTopic(context.scope, topicId, props),
      reviewUrl: props.reviewUrl ?? defaultUrl,
      comments: props.comments ?? reviewComments(items),
      timeout: props.timeout,
    });
    this.approvers.get(step)!.attach(action);
    return action;
  }

  private reviewedAt(context: ReleaseStageContext, approvalIndex: number): ReviewedItem[] {
    const finisher = new Map<ReleaseStep, ReleaseStep>();
    for (const step of this.steps) {
      if (step.spec.kind === 'executeChangeSet' || step.spec.kind === 'deleteStack') finisher.set(step.spec.deploy, step);
    }
    // The review step of each change set before the approval: its summary goes into the comments.
    const reviewer = new Map<ReleaseStep, number>();
    this.steps.slice(0, approvalIndex).forEach((step, index) => {
      if (step.spec.kind === 'reviewChangeSet') reviewer.set(step.spec.deploy, index);
    });
    const items: ReviewedItem[] = [];
    for (const step of this.steps.slice(0, approvalIndex)) {
      if (!(step instanceof DeployStep)) continue;
      const finish = finisher.get(step);
      if (finish && this.steps.indexOf(finish) < approvalIndex) continue;
      const then = finish === undefined ? 'keep' : finish.kind === 'executeChangeSet' ? 'execute' : 'delete';
      const review = reviewer.get(step);
      this.placementsOfStep(step).forEach((target, t) => {
        const summary = review === undefined ? undefined : reviewSummaryVariable(reviewNamespace(this.stageName, this.actionNames[review][t]));
        items.push({ stackName: step.stackName, changeSetName: step.changeSetName, account: target?.account, region: regionOf(context, target), then, ...(summary ? { summary } : {}) });
      });
    }
    return items;
  }
}
