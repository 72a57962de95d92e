import { ActionState, StageState } from '@aws-sdk/client-codepipeline';

export const EXEC_1 = '11111111-1111-4111-8111-111111111111';
export const EXEC_2 = '22222222-2222-4222-8222-222222222222';
export const TOKEN = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const COMMIT = '0123456789abcdef0123456789abcdef01234567';
export const AT = new Date('2025-03-01T10:00:00Z');

export function action(name: string, status?: string, extra: Partial<NonNullable<ActionState['latestExecution']>> = {}): ActionState {
  return {
    actionName: name,
    latestExecution: status ? { status: status as never, lastStatusChange: AT, ...extra } : undefined,
  };
}

export function stage(name: string, status: string | undefined, actions: ActionState[], extra: Partial<StageState> = {}): StageState {
  return {
    stageName: name,
    latestExecution: status ? { pipelineExecutionId: EXEC_1, status: status as never } : undefined,
    inboundTransitionState: { enabled: true },
    actionStates: actions,
    ...extra,
  };
}

/** The walkthrough's shape: source, a test stack with an approval, a production change set. */
export function walkthroughState(): StageState[] {
  return [
    stage('Source', 'Succeeded', [{ ...action('TemplateSource', 'Succeeded'), currentRevision: { revisionId: COMMIT, revisionChangeId: 'change-1', created: AT } }]),
    stage('TestStage', 'InProgress', [
      action('CreateStack', 'Succeeded'),
      action('ApproveTestStack', 'InProgress', { token: TOKEN }),
      action('DeleteTestStack'),
    ]),
    stage('ProdStage', undefined, [action('CreateChangeSet'), action('ApproveChangeSet'), action('ExecuteChangeSet')], {
      inboundTransitionState: { enabled: false, disabledReason: 'Freeze', lastChangedBy: 'ops', lastChangedAt: AT },
    }),
  ];
}
