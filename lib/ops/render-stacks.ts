import Table from 'cli-table3';
import { forTerminal } from '../output';
import { StacksReport } from './stacks';

/**
 * The human view of `pipectl stacks`: a header, then a table of the stacks in the order to delete
 * them. Every value from the pipeline passes through `forTerminal`.
 */
export function renderStacks(report: StacksReport): string {
  const t = forTerminal;
  const where = [report.account && `account ${report.account}`, report.region].filter(Boolean).join(', ');
  const head = `Pipeline ${report.pipeline}${where ? ` (${where})` : ''}`;
  if (report.stacks.length === 0) return `${t(head)}: no CloudFormation action deploys a stack\n`;
  const count = `${report.stacks.length} CloudFormation stack${report.stacks.length === 1 ? '' : 's'}`;
  const table = new Table({
    head: ['#', 'Account', 'Region', 'Stack', 'Actions', 'Note'],
    // No colour library: cli-table3 would otherwise colour the header even when piped.
    style: { head: [], border: [] },
  });
  report.stacks.forEach((stack, index) => {
    table.push([
      String(index + 1),
      t(stack.account ?? '-'),
      t(stack.region ?? '-'),
      t(stack.stackName),
      stack.actions.map((a) => t(`${a.stage}/${a.action} ${a.mode ?? '(no ActionMode)'}`)).join('\n'),
      stack.deletedByPipeline ? 'the pipeline deletes it (DELETE_ONLY):\nit exists only if a run stopped before' : '',
    ]);
  });
  return `${t(head)}: ${count}, in the order to delete them\n${table.toString()}\n`;
}
