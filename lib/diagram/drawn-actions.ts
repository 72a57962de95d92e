import { ActionModel } from '../model/pipeline-model';
import { runOrderOf } from '../model/walk';

/**
 * Which actions of a stage a diagram draws, and in which rows. Both renderers (SVG and Mermaid) use
 * it, so they always show the same actions.
 */

/**
 * Most actions a diagram draws in one stage: twice the service's quota of 50 actions per stage, so
 * every pipeline the service accepts is drawn whole. A stage beyond it (a file the rules reject) is
 * drawn up to here, then one box says how many actions are left out: a picture of 40,000 boxes is
 * millions of pixels wide and no viewer opens it.
 */
export const MAX_DRAWN_ACTIONS_PER_STAGE = 100;

export interface DrawnRows {
  /** The drawn actions by run order, ascending; the actions of one row run in parallel. */
  readonly rows: readonly (readonly ActionModel[])[];
  /** How many of the stage's actions are not drawn (0 for every pipeline within the quotas). */
  readonly hidden: number;
}

/** The first `limit` actions of a stage in run order (declaration order within one run order). */
export function drawnRows(actions: readonly ActionModel[], limit: number = MAX_DRAWN_ACTIONS_PER_STAGE): DrawnRows {
  const rows: ActionModel[][] = [];
  let drawn = 0;
  for (const row of rowsByRunOrder(actions)) {
    if (drawn === limit) break;
    const shown = row.length <= limit - drawn ? row : row.slice(0, limit - drawn);
    rows.push(shown);
    drawn += shown.length;
  }
  return { rows, hidden: actions.length - drawn };
}

/** The text of the box that stands for the actions a stage leaves out. */
export function hiddenActionsText(hidden: number): string {
  return `… and ${hidden} more action${hidden === 1 ? '' : 's'}`;
}

/** Actions grouped by run order, ascending; actions whose run order is not a literal come last. */
export function rowsByRunOrder(actions: readonly ActionModel[]): ActionModel[][] {
  // One pass that appends to each row in place, then a sort of the distinct run orders only.
  const rows = new Map<number, ActionModel[]>();
  for (const action of actions) {
    const order = runOrderOf(action) ?? Number.POSITIVE_INFINITY;
    const row = rows.get(order);
    if (row === undefined) rows.set(order, [action]);
    else row.push(action);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}
