import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { ReleaseStageConditions } from '../release/stage-conditions';
import { IReleaseStage, ReleaseStageContext, ReleaseStageStack } from './release-stage';
import { StepPlan } from './step-plan';

/**
 * A release stage made of a checked list of steps (a `StepPlan`): what StepStage, TestStackStage and
 * ChangeSetStage share once each has turned its props into steps. The subclasses differ only in how
 * they make the steps and name them in messages.
 */
export abstract class PlannedStage implements IReleaseStage {
  public readonly stageName: string;
  /** The only target the stage deploys into; undefined for none (the pipeline account) or several (see `targets`). */
  public readonly target: DeploymentTarget | undefined;
  /** Every target the stage deploys into. */
  public readonly targets: readonly DeploymentTarget[];
  /** Every stack the stage deploys, one entry per target, and whether it deletes it. */
  public readonly stacks: readonly ReleaseStageStack[];
  /** The stage's V2 conditions, when it has any. */
  public readonly conditions: ReleaseStageConditions | undefined;
  /** The steps, checked, that become the stage's actions. */
  protected readonly plan: StepPlan;
  /** How messages name the stage, e.g. `ChangeSetStage ProdStage`. */
  protected readonly where: string;

  protected constructor(where: string, stageName: string, conditions: ReleaseStageConditions | undefined, plan: StepPlan) {
    this.where = where;
    this.stageName = stageName;
    this.conditions = conditions;
    this.plan = plan;
    this.stacks = plan.stacks;
    this.targets = plan.targets;
    this.target = onlyTarget(this.stacks, this.targets);
  }

  public bind(context: ReleaseStageContext): codepipeline.StageOptions {
    const actions = this.plan.bind(context, `${this.where} is already in a pipeline; create one stage object per pipeline stage.`);
    return { stageName: this.stageName, actions };
  }

  public bound(): void {
    this.plan.bound();
  }

  /** Lets `grantee` approve or reject the stage's approvals (before or after the stage is added to a pipeline). */
  public grantApprove(grantee: iam.IGrantable): void {
    this.plan.grantApprove(grantee);
  }
}

/** The stage's target when every stack it deploys is in that one target. */
export function onlyTarget(stacks: readonly ReleaseStageStack[], targets: readonly DeploymentTarget[]): DeploymentTarget | undefined {
  return targets.length === 1 && stacks.every((s) => s.target === targets[0]) ? targets[0] : undefined;
}
