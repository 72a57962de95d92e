import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { ChangeSetReviewFunction } from './change-set-review-function';
import { ReleaseStageContext } from './release-stage';
import { ReviewChangeSetStepProps } from './release-step-props';
import { ReviewInvokeAction } from './review-invoke-action';
import { claimReviewNames } from './review-step-names';
import { Placements } from './wave';

export { reviewNamespace, reviewSummaryVariable } from './review-step-names';
export { validateReviewSteps } from './review-step-checks';
export { grantStageReview } from './review-step-grants';

/**
 * The review step's actions: one Lambda invoke action per target of the change set's step, each
 * invoking the identity's review function with the change set, the target's reviewer role and the
 * step's flags as UserParameters, exporting its summary in its own namespace and writing its report
 * to its own artifact.
 */
export function reviewActions(
  where: string, context: ReleaseStageContext, stageName: string, props: ReviewChangeSetStepProps,
  stackName: string, changeSetName: string, placements: Placements, names: readonly string[], runOrder: number,
): codepipeline.IAction[] {
  return placements.map((target, t) => {
    const checked = target as DeploymentTarget;
    const fn = ChangeSetReviewFunction.of(context.scope, checked.identity);
    const roleArn = checked.allowReviewStep();
    fn.allowReviewerRole(roleArn);
    const { namespace, artifactName } = claimReviewNames(where, context.scope, { stageName, actionName: names[t] });
    return new ReviewInvokeAction({
      actionName: names[t],
      runOrder,
      lambda: fn.function,
      userParameters: {
        stackName,
        changeSetName,
        account: checked.account,
        region: checked.region,
        roleArn,
        failOn: props.failOn ?? [],
        acknowledge: props.acknowledge ?? [],
      },
      outputs: [new codepipeline.Artifact(artifactName)],
      variablesNamespace: namespace,
    });
  });
}
