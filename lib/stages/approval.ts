import { Duration, Token } from 'aws-cdk-lib';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { MAX_ACTION_TIMEOUT_MINUTES, MIN_ACTION_TIMEOUT_MINUTES } from '../rules/action-timeout';


/**
 * A manual approval between two steps of a release stage.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html
 */
export interface ApprovalProps {
  /**
   * The SNS topic CodePipeline notifies when the approval is waiting. Give it to share one topic
   * between stages; `notifyEmails` are then subscribed to it.
   * @default - a topic is created when `notifyEmails` is set; otherwise no notification
   */
  readonly topic?: sns.ITopic;
  /**
   * Email addresses to subscribe to the approval's topic (each must confirm the subscription).
   * @default - no email subscriptions
   */
  readonly notifyEmails?: string[];
  /**
   * The URL the reviewer opens to decide (the approval's ExternalEntityLink).
   * @default - the CloudFormation console page of the stack (test stage) or change set (change-set
   * stage) in the target's region
   */
  readonly reviewUrl?: string;
  /**
   * What the reviewer is asked (the approval's CustomData; the `configuration-lengths` rule checks
   * its length at synth).
   * @default - a sentence naming the stack or change set, its account and region, and what approving does
   */
  readonly comments?: string;
  /**
   * How long the approval waits before it is rejected (which fails the stage): 5 minutes to 60 days,
   * in whole minutes.
   * @default Duration.days(7) - the service's default
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
   */
  readonly timeout?: Duration;
}

/** Checks approval props in the stage's constructor; `where` names the prop, e.g. `TestStackStage TestStage: approval`. */
export function validateApprovalProps(approval: ApprovalProps, where: string): void {
  const timeout = approval.timeout;
  if (timeout !== undefined && !Token.isUnresolved(timeout.toString())) {
    const minutes = timeout.toMinutes({ integral: false });
    if (minutes < MIN_ACTION_TIMEOUT_MINUTES || minutes > MAX_ACTION_TIMEOUT_MINUTES) {
      throw new Error(`${where}.timeout is ${timeout.toHumanString()}; a manual approval's timeout must be between 5 minutes and 60 days (86400 minutes).`);
    }
    if (!Number.isInteger(minutes)) {
      throw new Error(`${where}.timeout is ${timeout.toHumanString()}; CodePipeline counts timeouts in whole minutes: use Duration.minutes(${Math.round(minutes)}).`);
    }
  }
  for (const email of approval.notifyEmails ?? []) {
    if (!Token.isUnresolved(email) && !/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw new Error(`${where}.notifyEmails: "${email}" is not an email address.`);
    }
  }
}

/** The approval's topic: the given one (with `notifyEmails` subscribed), a new one, or none. */
export function approvalTopic(scope: Construct, id: string, approval: ApprovalProps): sns.ITopic | undefined {
  const emails = approval.notifyEmails ?? [];
  let topic = approval.topic;
  if (topic === undefined && emails.length > 0) {
    topic = new sns.Topic(scope, id, {
      // SNS encrypts with the AWS managed key: the pipeline role publishes from the same account,
      // which that key allows; cross-account publishers would need a customer-managed key.
      masterKey: kms.Alias.fromAliasName(scope, `${id}Key`, 'alias/aws/sns'),
      enforceSSL: true,
    });
  }
  for (const email of emails) topic!.addSubscription(new subscriptions.EmailSubscription(email));
  return topic;
}

/** The approval action of a release stage, with the stage's defaults applied. */
export function approvalAction(props: {
  actionName: string;
  runOrder: number;
  topic?: sns.ITopic;
  reviewUrl: string;
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

/**
 * Who may answer a stage's approval. Grants can be asked for from the stage's creation on, but
 * aws-cdk-lib can only make them once the approval action is in a pipeline: until then they wait.
 */
export class ApprovalGrants {
  private action?: codepipeline_actions.ManualApprovalAction;
  private inPipeline = false;
  private readonly pending: iam.IGrantable[] = [];

  /** Lets `grantee` approve or reject the approval (now, or once it is in a pipeline). */
  public grant(grantee: iam.IGrantable): void {
    if (this.action && this.inPipeline) this.action.grantManualApproval(grantee);
    else this.pending.push(grantee);
  }

  /** Called when the stage creates its approval action. */
  public attach(action: codepipeline_actions.ManualApprovalAction): void {
    this.action = action;
  }

  /** Called once the action's stage exists in a pipeline: makes the grants asked for so far. */
  public applyInPipeline(): void {
    if (!this.action) return;
    this.inPipeline = true;
    for (const grantee of this.pending.splice(0)) this.action.grantManualApproval(grantee);
  }
}

/** `account 222222222222, us-east-1`, or just the region when the account is not a literal. */
export function describePlacement(account: string | undefined, region: string): string {
  return account !== undefined && !Token.isUnresolved(account) ? `account ${account}, ${region}` : region;
}
