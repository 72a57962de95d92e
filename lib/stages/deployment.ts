import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../cross-account/deployment-target';

/** The L2 CloudFormation action props that say where and as whom an action runs. */
export interface ActionPlacement {
  readonly role?: iam.IRole;
  readonly deploymentRole: iam.IRole;
  readonly account?: string;
  /** Set only for a target outside the pipeline's region: the action then runs there. */
  readonly region?: string;
}

/** Resolves `target` / `executionRole` (exactly one) into action placement; throws naming both props otherwise. */
export function placementOf(where: string, target: DeploymentTarget | undefined, executionRole: iam.IRole | undefined): ActionPlacement {
  if (target && executionRole) {
    throw new Error(`${where}: target and executionRole are contradictory: a target brings its own execution role (target.executionRole). Remove executionRole, or remove target to deploy into the pipeline account.`);
  }
  // `region` only outside the pipeline's region: naming the pipeline's own region would make
  // aws-cdk-lib write a per-region ArtifactStores map for a single-region pipeline.
  if (target) {
    const placement = { role: target.actionRole, deploymentRole: target.executionRole, account: target.account };
    return target.region === target.identity.region ? placement : { ...placement, region: target.region };
  }
  if (executionRole) return { deploymentRole: executionRole };
  throw new Error(`${where}: executionRole is required when the stage deploys into the pipeline account (no target): give the CloudFormation service role for the stack, or a target.`);
}
