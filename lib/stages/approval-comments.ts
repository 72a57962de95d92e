import { Token } from 'aws-cdk-lib';
import { MAX_SUMMARY_LENGTH } from '../review/step/review-parameters';

/**
 * The most characters of an approval's CustomData.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const MAX_APPROVAL_COMMENTS = 1000;

/** A stack or change set an approval reviews, and what approving does to it. */
export interface ReviewedItem {
  readonly stackName: string;
  /** Set for a change set. */
  readonly changeSetName?: string;
  readonly account: string | undefined;
  readonly region: string;
  /** What a later step of the stage does with it: execute the change set, delete the stack, or nothing. */
  readonly then: 'execute' | 'delete' | 'keep';
  /** A review step's one-line summary of the change set, as a `#{namespace.Summary}` reference. */
  readonly summary?: string;
}

/** The default comments (CustomData) of a test stack's approval. */
export function testStackComments(stackName: string, account: string | undefined, region: string): string {
  return `Review the test stack ${stackName} (${describePlacement(account, region)}). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.`;
}

/** The default comments (CustomData) of a change set's approval; with a review step's `summary` reference, its summary. */
export function changeSetComments(stackName: string, changeSetName: string, account: string | undefined, region: string, summary?: string): string {
  return `Review change set ${changeSetName} of stack ${stackName} (${describePlacement(account, region)})${summary ? `: ${summary}` : ''}. Approve to execute exactly this change set; reject to stop the release without changing the stack.`;
}

/**
 * The default comments of an approval over `items`: each named with its account and region, then
 * what approving and rejecting do. A list too long for CustomData's 1000 characters ends with
 * "and N more" (the review URL and the pipeline's console show them all).
 */
export function reviewComments(items: readonly ReviewedItem[]): string {
  // CodePipeline puts each summary (up to MAX_SUMMARY_LENGTH) in place of its reference when the
  // approval runs: the later items lose theirs until the longest comments fit in CustomData.
  let shown = items;
  let comments = commentsOf(shown);
  while (longestResolved(comments, shown) > MAX_APPROVAL_COMMENTS) {
    const last = shown.map((i) => i.summary !== undefined).lastIndexOf(true);
    if (last < 0) break;
    shown = shown.map((item, i) => (i === last ? { ...item, summary: undefined } : item));
    comments = commentsOf(shown);
  }
  return comments;
}

/** The comments' length once every summary reference it holds is replaced by a summary of the longest kind. */
function longestResolved(comments: string, items: readonly ReviewedItem[]): number {
  return items.reduce((length, item) => (item.summary !== undefined && comments.includes(item.summary) ? length + MAX_SUMMARY_LENGTH - item.summary.length : length), comments.length);
}

function commentsOf(items: readonly ReviewedItem[]): string {
  if (items.length === 0) return 'Approve to continue the release; reject to stop it.';
  if (items.length === 1) {
    const [item] = items;
    if (item.then === 'execute') return changeSetComments(item.stackName, item.changeSetName!, item.account, item.region, item.summary);
    if (item.then === 'delete') return testStackComments(item.stackName, item.account, item.region);
    return `Review ${describeItem(item)}. Approve to continue the release; reject to stop it.`;
  }
  const head = `Review ${items.length} ${nounsOf(items)}: `;
  const tail = `. ${decisionOf(items)} The review link opens the first.`;
  return head + listWithin(items.map(describeItem), MAX_APPROVAL_COMMENTS - head.length - tail.length) + tail;
}

/** `account 222222222222, us-east-1`, or just the region when the account is not a literal. */
export function describePlacement(account: string | undefined, region: string): string {
  return account !== undefined && !Token.isUnresolved(account) ? `account ${account}, ${region}` : region;
}

function describeItem(item: ReviewedItem): string {
  const placement = describePlacement(item.account, item.region);
  if (item.changeSetName !== undefined) return `change set ${item.changeSetName} of stack ${item.stackName} (${placement})${item.summary ? `: ${item.summary}` : ''}`;
  return `${item.then === 'delete' ? 'test stack' : 'stack'} ${item.stackName} (${placement})`;
}

function nounsOf(items: readonly ReviewedItem[]): string {
  const changeSets = items.filter((i) => i.changeSetName !== undefined).length;
  if (changeSets === items.length) return 'change sets';
  if (changeSets === 0) return 'stacks';
  return 'stacks and change sets';
}

/** What approving and rejecting do, e.g. `Approve to execute exactly these change sets; reject …`. */
function decisionOf(items: readonly ReviewedItem[]): string {
  const executes = items.some((i) => i.then === 'execute');
  const deletes = items.some((i) => i.then === 'delete');
  const approve = [
    ...(executes ? ['execute exactly these change sets'] : []),
    ...(deletes ? ['delete the test stacks'] : []),
  ];
  const approveText = approve.length === 0 ? 'continue the release' : `${approve.join(', ')} and continue the release`;
  let reject = 'reject to stop the release';
  if (executes && deletes) reject += ', executing no change set and keeping the test stacks for investigation';
  else if (executes) reject += ' without changing the stacks';
  else if (deletes) reject += ' and keep the test stacks for investigation';
  return `Approve to ${approveText}; ${reject}.`;
}

/** `a; b; c`, or `a; b; and 3 more` when the whole list would exceed `budget` characters. */
function listWithin(parts: readonly string[], budget: number): string {
  const whole = parts.join('; ');
  if (whole.length <= budget) return whole;
  let shown = parts.length - 1;
  while (shown > 0) {
    const text = `${parts.slice(0, shown).join('; ')}; and ${parts.length - shown} more`;
    if (text.length <= budget) return text;
    shown--;
  }
  return `${parts.length} in all`;
}
