import { Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { ApprovalProps } from './approval-props';

/** Topics made for `notifyEmails`, per pipeline scope, by their set of addresses. */
const CREATED_TOPICS = new WeakMap<Construct, Map<string, sns.ITopic>>();
/** The addresses subscribed to each topic so far, compared without regard to case. */
const SUBSCRIBED = new WeakMap<sns.ITopic, Set<string>>();

/**
 * The approval's topic: the given one (with `notifyEmails` subscribed), a new one, or none. Stages of
 * one pipeline (`scope`) with the same addresses and no topic of their own share the topic the first
 * of them made, `id` under `scope`; no address is subscribed to a topic twice.
 */
export function approvalTopic(scope: Construct, id: string, approval: ApprovalProps): sns.ITopic | undefined {
  const emails = approval.notifyEmails ?? [];
  if (approval.topic !== undefined) {
    subscribe(approval.topic, emails);
    return approval.topic;
  }
  if (emails.length === 0) return undefined;
  const byEmails = CREATED_TOPICS.get(scope) ?? new Map<string, sns.ITopic>();
  CREATED_TOPICS.set(scope, byEmails);
  const key = [...new Set(emails.map(emailKey))].sort().join('\n');
  const shared = byEmails.get(key);
  if (shared) return shared;
  const topic = new sns.Topic(scope, id, {
    // SNS encrypts with the AWS managed key: the pipeline role publishes from the same account,
    // which that key allows; cross-account publishers would need a customer-managed key.
    masterKey: kms.Alias.fromAliasName(scope, `${id}Key`, 'alias/aws/sns'),
    enforceSSL: true,
  });
  byEmails.set(key, topic);
  subscribe(topic, emails);
  return topic;
}

function subscribe(topic: sns.ITopic, emails: readonly string[]): void {
  const subscribed = SUBSCRIBED.get(topic) ?? new Set<string>();
  SUBSCRIBED.set(topic, subscribed);
  for (const email of emails) {
    const key = emailKey(email);
    if (subscribed.has(key)) continue;
    subscribed.add(key);
    topic.addSubscription(new subscriptions.EmailSubscription(email));
  }
}

/** Addresses compared without regard to case; each token stands for itself. */
function emailKey(email: string): string {
  return Token.isUnresolved(email) ? email : email.toLowerCase();
}
