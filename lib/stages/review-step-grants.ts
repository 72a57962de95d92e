import { DeploymentTarget } from '../cross-account/deployment-target';

/** `stage.grantReview()`: review granted on every target of the stage. */
export function grantStageReview(where: string, targets: readonly DeploymentTarget[], principalArn: string): void {
  if (targets.length === 0) {
    throw new Error(`${where}.grantReview: the stage deploys into the pipeline account, which has no reviewer role; grant read access to its stacks with IAM in that account, or give the stage a target.`);
  }
  for (const target of targets) target.grantReview(principalArn);
}
