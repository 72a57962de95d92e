import Table from 'cli-table3';
import { PipelineStatus } from './pipeline-status';

/** ANSI colours by status; used only when stdout is a terminal. */
const COLOURS: Record<string, string> = {
  Succeeded: '\x1b[32m',
  Failed: '\x1b[31m',
  InProgress: '\x1b[36m',
  Stopping: '\x1b[33m',
  Stopped: '\x1b[33m',
  Abandoned: '\x1b[33m',
  Cancelled: '\x1b[33m',
  Superseded: '\x1b[33m',
};
const RESET = '\x1b[0m';

export interface RenderOptions {
  /** Colour statuses with ANSI codes. */
  readonly colour: boolean;
}

/** The human view of `pipectl status`: a header, a table of stages and actions, then hints. */
export function renderStatus(status: PipelineStatus, options: RenderOptions): string {
  const paint = (text: string | undefined): string => {
    if (!text) return '-';
    const colour = options.colour ? COLOURS[text] : undefined;
    return colour ? `${colour}${text}${RESET}` : text;
  };
  const lines: string[] = [];
  const version = status.version !== undefined ? ` (version ${status.version})` : '';
  const latest = status.latestExecution;
  lines.push(
    `Pipeline ${status.pipeline}${version}: ` +
      (latest ? `latest execution ${latest.id} ${paint(latest.status)}` : 'no executions yet'),
  );
  const table = new Table({
    head: ['Stage', 'Stage status', 'Action', 'Action status', 'Revision', 'Last change'],
    // No colour library: cli-table3 would otherwise colour the header even when piped.
    style: { head: [], border: [] },
  });
  for (const stage of status.stages) {
    const stageLabel = stage.inboundTransition.enabled ? stage.name : `${stage.name} (inbound disabled)`;
    const actions = stage.actions.length > 0 ? stage.actions : [undefined];
    actions.forEach((action, index) => {
      table.push([
        index === 0 ? stageLabel : '',
        index === 0 ? paint(stage.status) : '',
        action?.name ?? '-',
        action ? paint(action.status) + (action.pendingApproval ? ' (awaiting approval)' : '') : '-',
        shortRevision(action?.revision),
        action?.lastChange ?? '-',
      ]);
    });
  }
  lines.push(table.toString());
  for (const stage of status.stages) {
    const t = stage.inboundTransition;
    if (!t.enabled) {
      const by = t.lastChangedBy ? ` by ${t.lastChangedBy}` : '';
      const at = t.lastChangedAt ? ` at ${t.lastChangedAt}` : '';
      lines.push(`Inbound transition to ${stage.name} disabled${by}${at}: ${t.disabledReason ?? '(no reason given)'}`);
    }
  }
  for (const stage of status.stages) {
    for (const action of stage.actions) {
      if (action.status === 'Failed' && action.error) lines.push(`${stage.name}/${action.name} failed: ${action.error}`);
    }
  }
  for (const approval of status.pendingApprovals) {
    lines.push(
      `Pending approval: ${approval.stage}/${approval.action}` +
        (approval.since ? ` since ${approval.since}` : '') +
        ` — pipectl approve ${status.pipeline} ${approval.stage} ${approval.action}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Commit IDs are 40 characters; 12 identify one in practice and keep the table narrow. */
function shortRevision(revision: string | undefined): string {
  if (!revision) return '-';
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
