/**
 * What a change set's Status, StatusReason and ExecutionStatus mean for someone about to approve it.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeChangeSet.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-view.html
 */
export type ChangeSetState =
  /** Created and executable: the changes are what executing it will do. */
  | 'ready'
  /** CloudFormation found nothing to change: the template and parameters match the stack. */
  | 'no-changes'
  /** Still being computed: its list of changes is not final. */
  | 'pending'
  /** Its creation failed for another reason than "no changes". */
  | 'failed'
  /** Executing, executed, failed to execute, obsolete, deleted: no longer what an approval decides. */
  | 'not-executable'
  /** There is no such change set (not created yet, or executed and gone with a later update, or deleted). */
  | 'not-found';

export interface ChangeSetStatusInput {
  readonly Status?: string;
  readonly StatusReason?: string;
  readonly ExecutionStatus?: string;
}

export interface ChangeSetStatusMeaning {
  readonly state: ChangeSetState;
  /** One sentence for the report. */
  readonly text: string;
}

/**
 * CloudFormation's StatusReason for a change set that would change nothing: "The submitted information
 * didn't contain changes. Submit different information to create a change set." Older stacks and
 * some tools word it "No updates are to be performed."
 */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

const EXECUTION: Readonly<Record<string, string>> = {
  UNAVAILABLE: 'it cannot be executed (ExecutionStatus UNAVAILABLE)',
  EXECUTE_IN_PROGRESS: 'it is being executed',
  EXECUTE_COMPLETE: 'it has been executed',
  EXECUTE_FAILED: 'its execution failed',
  OBSOLETE: 'it is obsolete: the stack was updated after it was created, so it can no longer be executed',
};

export function changeSetStatusMeaning(input: ChangeSetStatusInput): ChangeSetStatusMeaning {
  const { Status: status, StatusReason: reason, ExecutionStatus: execution } = input;
  if (status === 'FAILED') {
    if (reason !== undefined && NO_CHANGES.test(reason)) return { state: 'no-changes', text: 'no changes: the template and parameters match the deployed stack' };
    return { state: 'failed', text: `its creation failed${reason ? `: ${reason}` : ''}` };
  }
  if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
    return { state: 'pending', text: `it is still being created (${status}): its list of changes is not final; review again when it is CREATE_COMPLETE` };
  }
  if (status?.startsWith('DELETE_')) return { state: 'not-executable', text: `it is deleted or being deleted (${status})` };
  if (status === 'CREATE_COMPLETE' && execution === 'AVAILABLE') return { state: 'ready', text: 'ready to execute' };
  if (execution !== undefined && EXECUTION[execution] !== undefined) return { state: 'not-executable', text: EXECUTION[execution] };
  return { state: 'not-executable', text: `unknown state: Status ${status ?? '-'}, ExecutionStatus ${execution ?? '-'}` };
}

/** The meaning of DescribeChangeSet's ChangeSetNotFound. */
export const NOT_FOUND: ChangeSetStatusMeaning = {
  state: 'not-found',
  text: 'there is no such change set: the stage has not created it yet, or it was executed or deleted',
};
