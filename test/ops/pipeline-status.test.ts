import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodePipelineClient } from '../../lib/ops/clients';
import { readPipelineStatus } from '../../lib/ops/pipeline-status';
import { renderStatus } from '../../lib/ops/render-status';
import { COMMIT, EXEC_1, TOKEN, walkthroughState } from './fixtures';

const cp = mockClient(CodePipelineClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });

beforeEach(() => {
  cp.reset();
  cp.on(GetPipelineStateCommand).resolves({ pipelineName: 'Walkthrough', pipelineVersion: 2, stageStates: walkthroughState() });
  cp.on(ListPipelineExecutionsCommand).resolves({
    pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'InProgress', startTime: new Date('2025-03-01T09:58:00Z') }],
  });
});

test('reads the state and the latest execution', async () => {
  const status = await readPipelineStatus(client, 'Walkthrough');
  expect(cp.commandCalls(ListPipelineExecutionsCommand)[0].args[0].input).toEqual({ pipelineName: 'Walkthrough', maxResults: 1 });
  expect(status.latestExecution).toEqual({ id: EXEC_1, status: 'InProgress', startTime: '2025-03-01T09:58:00.000Z', lastUpdate: undefined });
  expect(status.pendingApprovals).toEqual([{ stage: 'TestStage', action: 'ApproveTestStack', token: TOKEN, since: '2025-03-01T10:00:00.000Z' }]);
  expect(status.stages.map((s) => [s.name, s.status, s.inboundTransition.enabled])).toEqual([
    ['Source', 'Succeeded', true],
    ['TestStage', 'InProgress', true],
    ['ProdStage', undefined, false],
  ]);
  expect(status.stages[0].actions[0]).toEqual({
    name: 'TemplateSource',
    status: 'Succeeded',
    revision: COMMIT,
    lastChange: '2025-03-01T10:00:00.000Z',
    summary: undefined,
    error: undefined,
    pendingApproval: false,
  });
});

test('renders a table without colour when stdout is not a terminal', async () => {
  const text = renderStatus(await readPipelineStatus(client, 'Walkthrough'), { colour: false });
  expect(text).not.toContain('\x1b[');
  expect(text.split('\n')[0]).toBe(`Pipeline Walkthrough (version 2): latest execution ${EXEC_1} InProgress`);
  expect(text).toMatch(/│ Source +│ Succeeded +│ TemplateSource +│ Succeeded +│ 0123456789ab │ 2025-03-01T10:00:00.000Z │/);
  expect(text).toMatch(/│ ProdStage \(inbound disabled\) │/);
  expect(text).toContain('│ ApproveTestStack │ InProgress (awaiting approval) │');
  expect(text).toContain('Inbound transition to ProdStage disabled by ops at 2025-03-01T10:00:00.000Z: Freeze');
  expect(text).toContain(
    'Pending approval: TestStage/ApproveTestStack since 2025-03-01T10:00:00.000Z — pipectl approve Walkthrough TestStage ApproveTestStack',
  );
});

test('colours statuses on a terminal', async () => {
  const text = renderStatus(await readPipelineStatus(client, 'Walkthrough'), { colour: true });
  expect(text).toContain('\x1b[32mSucceeded\x1b[0m');
  expect(text).toContain('\x1b[36mInProgress\x1b[0m');
});

test('a pipeline that never ran says so', async () => {
  cp.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [] });
  const text = renderStatus(await readPipelineStatus(client, 'Walkthrough'), { colour: false });
  expect(text.split('\n')[0]).toBe('Pipeline Walkthrough (version 2): no executions yet');
});
