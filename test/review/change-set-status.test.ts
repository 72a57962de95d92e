import { changeSetStatusMeaning } from '../../lib/review/change-set-status';

test.each([
  [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE' }, 'ready', 'ready to execute'],
  [
    { Status: 'FAILED', ExecutionStatus: 'UNAVAILABLE', StatusReason: "The submitted information didn't contain changes. Submit different information to create a change set." },
    'no-changes',
    'no changes: the template and parameters match the deployed stack',
  ],
  [{ Status: 'FAILED', StatusReason: 'No updates are to be performed.' }, 'no-changes', 'no changes: the template and parameters match the deployed stack'],
  [
    { Status: 'FAILED', ExecutionStatus: 'UNAVAILABLE', StatusReason: 'Parameters: [DatabaseInstanceClass] must have values' },
    'failed',
    'its creation failed: Parameters: [DatabaseInstanceClass] must have values',
  ],
  [{ Status: 'FAILED' }, 'failed', 'its creation failed'],
  [
    { Status: 'CREATE_IN_PROGRESS', ExecutionStatus: 'UNAVAILABLE' },
    'pending',
    'it is still being created (CREATE_IN_PROGRESS): its list of changes is not final; review again when it is CREATE_COMPLETE',
  ],
  [{ Status: 'CREATE_PENDING' }, 'pending', 'it is still being created (CREATE_PENDING): its list of changes is not final; review again when it is CREATE_COMPLETE'],
  [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'EXECUTE_IN_PROGRESS' }, 'not-executable', 'it is being executed'],
  [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'EXECUTE_COMPLETE' }, 'not-executable', 'it has been executed'],
  [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'EXECUTE_FAILED' }, 'not-executable', 'its execution failed'],
  [
    { Status: 'CREATE_COMPLETE', ExecutionStatus: 'OBSOLETE' },
    'not-executable',
    'it is obsolete: the stack was updated after it was created, so it can no longer be executed',
  ],
  [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'UNAVAILABLE' }, 'not-executable', 'it cannot be executed (ExecutionStatus UNAVAILABLE)'],
  [{ Status: 'DELETE_COMPLETE' }, 'not-executable', 'it is deleted or being deleted (DELETE_COMPLETE)'],
  [{}, 'not-executable', 'unknown state: Status -, ExecutionStatus -'],
])('%j means %s', (input, state, text) => {
  expect(changeSetStatusMeaning(input)).toEqual({ state, text });
});
