import { Duration } from 'aws-cdk-lib';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as sns from 'aws-cdk-lib/aws-sns';

/** The approval action of a release stage, with the stage's defaults applied. */
export function approvalAction(props: {
  actionName: string;
  runOrder: number;
  topic?: sns.ITopic;
  reviewUrl: string | undefined;
  comments: string;
  timeout?: Duration;
}): codepipeline_actions.ManualApprovalAction {
  return new codepipeline_actions.ManualApprovalAction({
    actionName: props.actionName,
    runOrder: props.runOrder,
    notificationTopic: props.topic,
    externalEntityLink: props.reviewUrl,
    additionalInformation: props.comments,
    timeout: props.timeout,
  });
}
