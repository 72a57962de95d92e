import Table from 'cli-table3';
import { forTerminal } from '../output';
import { HintOptions, pipectlHint } from './pipectl-hint';
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

export interface RenderOptions extends HintOptions {
  /** Colour statuses with ANSI codes. */
  readonly colour: boolean;
}

/**
 * The human view of `pipectl status`: a header, a table of stages and actions, then hints. Every
 * value from AWS passes through `forTerminal` (names, statuses, reasons, errors); colours are added
 * after, so only pipectl's own escape sequences reach the terminal.
 */
export function renderStatus(status: PipelineStatus, options: RenderOptions): string {
  const t = forTerminal;
  const paint = (text: string | undefined): string => {
    if (!text) return '-';
    const colour = options.colour ? COLOURS[text] : undefined;
    return colour ? `${colour}${text}${RESET}` : t(text);
  };
  const lines: string[] = [];
  const version = status.version !== undefined ? ` (version ${status.version})` : '';
  const latest = status.latestExecution;
  lines.push(
    `Pipeline ${t(status.pipeline)}${version}: ` +
      (latest ? `latest execution ${t(latest.id)} ${paint(latest.status)}` : 'no executions yet'),
  );
  const table = new Table({
    head: ['Stage', 'Stage status', 'Action', 'Action status', 'Revision', 'Last change'],
    // No colour library: cli-table3 would otherwise colour the header even when piped.
    style: { head: [], border: [] },
  });
  for (const stage of status.stages) {
    const stageLabel = stage.inboundTransition.enabled ? t(stage.name) : `${t(stage.name)} (inbound disabled)`;
    const actions = stage.actions.length > 0 ? stage.actions : [undefined];
    actions.forEach((action, index) => {
      table.push([
        index === 0 ? stageLabel : '',
        index === 0 ? paint(stage.status) : '',
        action ? t(action.name) : '-',
        action ? paint(action.status) + (action.pendingApproval ? ' (awaiting approval)' : '') : '-',
        t(shortRevision(action?.revision)),
        t(action?.lastChange ?? '-'),
      ]);
    });
  }
  lines.push(table.toString());
  for (const stage of status.stages) {
    const transition = stage.inboundTransition;
    if (!transition.enabled) {
      const by = transition.lastChangedBy ? ` by ${transition.lastChangedBy}` : '';
      const at = transition.lastChangedAt ? ` at ${transition.lastChangedAt}` : '';
      lines.push(t(`Inbound transition to ${stage.name} disabled${by}${at}: ${transition.disabledReason ?? '(no reason given)'}`));
    }
  }
  for (const stage of status.stages) {
    for (const action of stage.actions) {
      if (action.status === 'Failed' && action.error) lines.push(t(`${stage.name}/${action.name} failed: ${action.error}`));
    }
  }
  for (const approval of status.pendingApprovals) {
    // A command to paste: each word shell-quoted, which also keeps control characters visible.
    const command = pipectlHint(['approve'], [status.pipeline, approval.stage, approval.action], options);
    lines.push(t(`Pending approval: ${approval.stage}/${approval.action}${approval.since ? ` since ${approval.since}` : ''}`) + ` — ${command}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Commit IDs are 40 characters; 12 identify one in practice and keep the table narrow. */
function shortRevision(revision: string | undefined): string {
  if (!revision) return '-';
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
