import Table from 'cli-table3';
import { forTerminal } from '../output';
import { ChangeSetReview, ReviewFlag, ReviewedChange, propertyText } from './change-set-review';

/** A change set the stage acts on, where it lives, and its review. */
export interface StageChangeSet {
  readonly stackName: string;
  readonly changeSetName: string;
  readonly account?: string;
  readonly region?: string;
  /** The stage's actions on it, in order (`CreateChangeSet`, `ExecuteChangeSet`). */
  readonly actions: string[];
  readonly review: ChangeSetReview;
  /** DescribeChangeSet calls made to read it (one per page). */
  readonly calls: number;
}

/** A pending approval of the stage, with the commands that answer it (already shell-quoted). */
export interface ApprovalCommands {
  readonly action: string;
  readonly approve: string;
  readonly reject: string;
}

/** What `pipectl review` prints, and its `--json`. */
export interface StageReviewReport {
  readonly pipeline: string;
  readonly stage: string;
  /** One line: the counts, and each flagged change. */
  readonly summary: string;
  readonly changeSets: StageChangeSet[];
  readonly pendingApprovals: ApprovalCommands[];
}

const FLAGS: readonly ReviewFlag[] = ['data-loss', 'permissions', 'nested-stack'];

/**
 * One line for a person deciding: "2 change sets, 4 changes (2 Add, 1 Modify, 1 Remove); data-loss:
 * AWS::RDS::DBInstance Database (database, replaced); permissions: 1". The data-loss changes are
 * named (the first `namedDataLoss` of them, the rest counted), the others counted. Plain text: each medium escapes it on the way out.
 */
export function summaryLine(changeSets: readonly Pick<StageChangeSet, 'review'>[], options: { readonly namedDataLoss?: number } = {}): string {
  const named = options.namedDataLoss ?? Infinity;
  const reviews = changeSets.map((c) => c.review);
  const total = reviews.reduce((n, r) => n + r.changes.length, 0);
  const byAction = new Map<string, number>();
  for (const r of reviews) for (const [action, n] of Object.entries(r.actionCounts)) byAction.set(action, (byAction.get(action) ?? 0) + n);
  const actions = [...byAction].map(([action, n]) => `${n} ${action}`).join(', ');
  const parts = [`${plural(reviews.length, 'change set')}, ${plural(total, 'change')}${actions ? ` (${actions})` : ''}`];
  const notReady = reviews.filter((r) => r.meaning.state !== 'ready' && r.meaning.state !== 'no-changes').length;
  if (reviews.length > 0 && reviews.every((r) => r.meaning.state === 'no-changes')) parts.push('no changes');
  if (notReady > 0) parts.push(`${plural(notReady, 'change set')} not ready to execute`);
  const lost = reviews.flatMap((r) => r.changes.filter((c) => c.flags.some((f) => f.flag === 'data-loss')));
  if (lost.length > 0) {
    const names = lost.slice(0, named).map((c) => `${c.resourceType} ${c.logicalId} (${c.flags.find((f) => f.flag === 'data-loss')!.reason})`);
    const more = lost.length > names.length ? ` and ${lost.length - names.length} more` : '';
    parts.push(`data-loss: ${names.join(', ')}${more}`);
  }
  for (const flag of FLAGS.slice(1)) {
    const n = reviews.reduce((sum, r) => sum + r.flagCounts[flag], 0);
    if (n > 0) parts.push(`${flag}: ${n}`);
  }
  return parts.join('; ');
}

/**
 * The human view: per change set a header (where, status meaning, counts) and a table of its
 * changes, then the pending approval's commands. Every value from AWS passes through forTerminal.
 */
export function renderStageReview(report: StageReviewReport, options: { readonly approvalCommands?: boolean } = {}): string {
  const t = forTerminal;
  const lines = [t(`Pipeline ${report.pipeline}, stage ${report.stage}: ${report.summary}`)];
  for (const changeSet of report.changeSets) lines.push('', ...renderChangeSet(changeSet));
  if (options.approvalCommands !== false) {
    for (const approval of report.pendingApprovals) {
      lines.push('', t(`Pending approval: ${report.stage}/${approval.action}`), `  approve: ${approval.approve}`, `  reject:  ${approval.reject}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderChangeSet(changeSet: StageChangeSet): string[] {
  const t = forTerminal;
  const { review } = changeSet;
  const where = [changeSet.account && `account ${changeSet.account}`, changeSet.region].filter(Boolean).join(', ');
  const head = t(`Change set ${changeSet.changeSetName} of stack ${changeSet.stackName}${where ? ` (${where})` : ''}: ${review.meaning.text}`);
  if (review.changes.length === 0) return [head];
  const counts = Object.entries(review.actionCounts).map(([action, n]) => `${n} ${action}`).join(', ');
  const flags = FLAGS.filter((f) => review.flagCounts[f] > 0).map((f) => `${review.flagCounts[f]} ${f}`).join(', ');
  const table = new Table({
    head: ['Action', 'Logical ID', 'Type', 'Replacement', 'Changed properties', 'Flags'],
    // No colour library: cli-table3 would otherwise colour the header even when piped.
    style: { head: [], border: [] },
  });
  for (const change of review.changes) table.push(row(change));
  // A change set ARN would double the table's width: the nested stacks' own change sets come below it.
  const nested = review.changes.filter((c) => c.nestedChangeSetId).map((c) => t(`Nested stack ${c.logicalId}: its own changes are in change set ${c.nestedChangeSetId}`));
  return [head, t(`${plural(review.changes.length, 'change')}: ${counts}${flags ? `; flagged: ${flags}` : ''}`), table.toString(), ...nested];
}

function row(change: ReviewedChange): string[] {
  const t = forTerminal;
  const replacement = [change.replacement ?? '-', ...(change.policyAction ? [`policy: ${change.policyAction}`] : [])];
  return [
    t(change.action),
    t(change.logicalId),
    t(change.resourceType),
    replacement.map(t).join('\n'),
    change.changedProperties.map((p) => t(propertyText(p))).join('\n'),
    change.flags.map((f) => t(`${f.flag}: ${f.reason}`)).join('\n'),
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
