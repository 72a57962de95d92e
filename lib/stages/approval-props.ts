import { Duration, Token } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
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
   * Email addresses to subscribe to the approval's topic (each must confirm the subscription). Each
   * address is subscribed once per topic:
   * - without `topic`, stages of one pipeline that list the same addresses (in any order, compared
   *   without regard to case) share one topic, made by the first of them (`<stageName>ApprovalTopic`),
   *   so each person confirms once and receives one message per waiting approval;
   * - with `topic`, an address an earlier stage of the pipeline already subscribed to that topic is
   *   not subscribed again.
   * An address listed twice in one list is an error naming it.
   * @default - no email subscriptions
   */
  readonly notifyEmails?: string[];
  /**
   * The URL the reviewer opens to decide (the approval's ExternalEntityLink): an `https://` (or
   * `http://`) URL without whitespace or control characters. A token is passed through unchecked.
   * @default - the CloudFormation console page of the stack (test stage) or change set (change-set
   * stage) in the target's region; in a wave or a step stage, of the first stack or change set the
   * approval reviews (its comments name them all); none when it reviews none
   */
  readonly reviewUrl?: string;
  /**
   * What the reviewer is asked (the approval's CustomData; the `configuration-lengths` rule checks
   * its length at synth).
   * @default - a sentence naming the stack or change set, its account and region, and what approving
   * does; in a wave or a step stage, every stack and change set the approval reviews, each with its
   * account and region (ending with "and N more" where the list would pass 1000 characters)
   */
  readonly comments?: string;
  /**
   * How long the approval waits before it is rejected (which fails the stage): 5 minutes to 60 days,
   * in whole minutes. It must be a literal duration: one made from a token (e.g.
   * `Duration.minutes(param.valueAsNumber)`) is an error, because the range is checked when the
   * approval action is built, before the token has a value.
   * @default Duration.days(7) - the service's default
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
   */
  readonly timeout?: Duration;
}

/** Checks approval props in the stage's constructor; `where` names the prop, e.g. `TestStackStage TestStage: approval`. */
export function validateApprovalProps(approval: ApprovalProps, where: string): void {
  if (approval.timeout !== undefined) validateTimeout(approval.timeout, `${where}.timeout`);
  if (approval.reviewUrl !== undefined) validateReviewUrl(approval.reviewUrl, `${where}.reviewUrl`);
  validateEmails(approval.notifyEmails ?? [], `${where}.notifyEmails`);
}

function validateTimeout(timeout: Duration, where: string): void {
  if (timeout.isUnresolved()) {
    throw new Error(`${where} is a deploy-time value (a token); a manual approval's timeout must be a literal duration from 5 minutes to 60 days, e.g. Duration.hours(4).`);
  }
  const minutes = timeout.toMinutes({ integral: false });
  if (!Number.isFinite(minutes)) {
    throw new Error(`${where} is ${timeout.toString()}, which is not a number of minutes; give a whole number of minutes from 5 to 86400, e.g. Duration.hours(4).`);
  }
  if (minutes < MIN_ACTION_TIMEOUT_MINUTES || minutes > MAX_ACTION_TIMEOUT_MINUTES) {
    throw new Error(`${where} is ${timeout.toHumanString()}; a manual approval's timeout must be between 5 minutes and 60 days (86400 minutes).`);
  }
  if (!Number.isInteger(minutes)) {
    throw new Error(`${where} is ${timeout.toHumanString()}; CodePipeline counts timeouts in whole minutes: use Duration.minutes(${Math.round(minutes)}).`);
  }
}

/** Whitespace, line and paragraph separators, control and invisible format characters. */
const UNSAFE_URL_CHARACTER = /[\p{Cc}\p{Cf}\p{Z}]/u;

function validateReviewUrl(url: string, where: string): void {
  if (typeof url === 'string' && Token.isUnresolved(url)) return;
  const shown = showValue(url);
  if (typeof url === 'string') {
    const unsafe = UNSAFE_URL_CHARACTER.exec(url);
    if (unsafe) {
      throw new Error(`${where} ${shown} holds whitespace or a control character (${showCharacter(unsafe[0])} at position ${unsafe.index}); it must be an https:// (or http://) URL: percent-encode spaces (%20) and remove the other characters.`);
    }
  }
  if (typeof url !== 'string' || !isWebUrl(url)) {
    throw new Error(`${where} ${shown} is not an https:// (or http://) URL; the reviewer opens it from the approval: give the web address of what to review, e.g. "https://example.com/review".`);
  }
}

function isWebUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

function validateEmails(emails: readonly string[], where: string): void {
  const seen = new Map<string, string>();
  for (const email of emails) {
    if (Token.isUnresolved(email)) continue;
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || UNSAFE_URL_CHARACTER.test(email)) {
      throw new Error(`${where}: ${showValue(email)} is not an email address.`);
    }
    const earlier = seen.get(email.toLowerCase());
    if (earlier !== undefined) {
      const twice = earlier === email ? `"${email}" twice` : `"${earlier}" and "${email}", the same address`;
      throw new Error(`${where} lists ${twice}; each address is subscribed once: remove the duplicate.`);
    }
    seen.set(email.toLowerCase(), email);
  }
}

/** A value quoted for a message, with control and invisible characters escaped. */
function showValue(value: unknown): string {
  if (typeof value !== 'string') return `(a ${typeof value})`;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, showCharacter)}"`;
}

function showCharacter(character: string): string {
  if (character === ' ') return 'a space';
  return `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
