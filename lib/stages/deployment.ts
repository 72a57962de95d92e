import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Where a release stage deploys: an account and region, the role the pipeline's CloudFormation actions
 * assume there, and the role CloudFormation runs as. `DeploymentTarget` provides one.
 */
export interface StageTarget {
  /** The 12-digit account the stack lives in. */
  readonly account: string;
  /** The region the stack lives in. */
  readonly region: string;
  /** The role CodePipeline assumes in the account to call CloudFormation. */
  readonly actionRole: iam.IRole;
  /** The CloudFormation service role that creates, updates and deletes the stack. */
  readonly executionRole: iam.IRole;
}

/** The L2 CloudFormation action props that say where and as whom an action runs. */
export interface ActionPlacement {
  readonly role?: iam.IRole;
  readonly deploymentRole: iam.IRole;
  readonly account?: string;
  readonly region?: string;
}

/** Resolves `target` / `executionRole` (exactly one) into action placement; throws naming both props otherwise. */
export function placementOf(where: string, target: StageTarget | undefined, executionRole: iam.IRole | undefined): ActionPlacement {
  if (target && executionRole) {
    throw new Error(`${where}: target and executionRole are contradictory: a target brings its own execution role (target.executionRole). Remove executionRole, or remove target to deploy into the pipeline account.`);
  }
  if (target) return { role: target.actionRole, deploymentRole: target.executionRole, account: target.account, region: target.region };
  if (executionRole) return { deploymentRole: executionRole };
  throw new Error(`${where}: executionRole is required when the stage deploys into the pipeline account (no target): give the CloudFormation service role for the stack, or a target.`);
}
