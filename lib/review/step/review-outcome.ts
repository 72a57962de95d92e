import { ChangeSetReview, ReviewedChange } from '../change-set-review';
import { summaryLine } from '../render-review';
import { Acknowledgement, FailOnFlag, MAX_SUMMARY_LENGTH, ReviewParameters, effectiveFailOn, parseAcknowledgements } from './review-parameters';

/** PutJobFailureResult's message: 1–5000 characters (API model, `Message`). */
export const MAX_FAILURE_MESSAGE_LENGTH = 5000;

/** What the step decides from a review: the summary, the output variables, and whether to fail. */
export interface ReviewOutcome {
  /** One line, at most {@link MAX_SUMMARY_LENGTH} characters. */
  readonly summary: string;
  /** The changes that fail the step: flagged as in `failOn`, not acknowledged. */
  readonly unacknowledged: readonly UnacknowledgedChange[];
  /** Why the step fails, at most {@link MAX_FAILURE_MESSAGE_LENGTH} characters; undefined when it succeeds. */
  readonly failure?: string;
  /** Exported by the action (its variable namespace), for the approval's comments and later actions. */
  readonly outputVariables: Record<string, string>;
}

export interface UnacknowledgedChange {
  readonly flag: FailOnFlag;
  readonly change: ReviewedChange;
}

/**
 * Decides the step's result: a change set that is ready, or has no changes, passes unless one of its
 * changes carries a `failOn` flag (`nested-stack` implied by the others) without an acknowledgement; a change set that failed for another
 * reason than "no changes", is gone, executed, obsolete or still pending fails, since approving it
 * would approve nothing that can be executed.
 */
export function reviewOutcome(review: ChangeSetReview, parameters: ReviewParameters): ReviewOutcome {
  const summary = capSummary(singleSummary(review));
  const acknowledgements = parseAcknowledgements(parameters.acknowledge);
  const failOn: readonly string[] = effectiveFailOn(parameters.failOn);
  const unacknowledged = review.changes.flatMap((change) =>
    change.flags
      .filter((note): note is typeof note & { flag: FailOnFlag } => failOn.includes(note.flag))
      .filter((note) => !acknowledged(acknowledgements, note.flag, change.logicalId))
      .map((note) => ({ flag: note.flag, change })),
  );
  const where = `change set "${parameters.changeSetName}" of stack "${parameters.stackName}" (account ${parameters.account}, ${parameters.region})`;
  const state = review.meaning.state;
  let failure: string | undefined;
  if (state !== 'ready' && state !== 'no-changes') {
    failure = `The ${where} cannot be approved: ${review.meaning.text}.`;
  } else if (unacknowledged.length > 0) {
    const listed = unacknowledged.map(({ flag, change }) => `${flag}: ${change.resourceType} ${change.logicalId} (${change.flags.find((f) => f.flag === flag)!.reason})`);
    const entries = [...new Set(unacknowledged.map(({ flag, change }) => `${flag}:${change.logicalId}`))];
    failure = `The ${where} has ${unacknowledged.length === 1 ? '1 change' : `${unacknowledged.length} changes`} not acknowledged: ${listed.join('; ')}. `
      + `Review the report; to release it anyway, acknowledge ${entries.join(', ')}.`;
  }
  return {
    summary,
    unacknowledged,
    ...(failure !== undefined ? { failure: cap(failure, MAX_FAILURE_MESSAGE_LENGTH) } : {}),
    outputVariables: {
      Summary: summary,
      State: state,
      ChangeCount: String(review.changes.length),
      DataLossCount: String(review.flagCounts['data-loss']),
      PermissionCount: String(review.flagCounts.permissions),
    },
  };
}

function acknowledged(acknowledgements: readonly Acknowledgement[], flag: FailOnFlag, logicalId: string): boolean {
  return acknowledgements.some((a) => a.flag === flag && (a.logicalId === '*' || a.logicalId === logicalId));
}

/** The classifier's summary line of one change set, without "1 change set, " in front. */
function singleSummary(review: ChangeSetReview): string {
  return summaryLine([{ review }]).replace(/^1 change set, /, '');
}

function capSummary(summary: string): string {
  return cap(summary, MAX_SUMMARY_LENGTH, '… (the report has the rest)');
}

/** `text`, cut to `max` characters with `tail` at the end when it is longer. */
export function cap(text: string, max: number, tail = '…'): string {
  return text.length <= max ? text : `${text.slice(0, max - tail.length)}${tail}`;
}
