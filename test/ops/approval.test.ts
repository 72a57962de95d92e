import { CodePipelineClient, GetPipelineStateCommand, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodePipelineClient } from '../../lib/ops/clients';
import { answerApproval } from '../../lib/ops/approval';
import { TOKEN, action, stage, walkthroughState } from './fixtures';

const cp = mockClient(CodePipelineClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });
const request = { pipeline: 'Walkthrough', stage: 'TestStage', action: 'ApproveTestStack' } as const;

beforeEach(() => cp.reset());

test('answers the pending approval with the token from GetPipelineState', async () => {
  cp.on(GetPipelineStateCommand).resolves({ pipelineName: 'Walkthrough', stageStates: walkthroughState() });
  cp.on(PutApprovalResultCommand).resolves({ approvedAt: new Date() });
  await answerApproval(client, { ...request, decision: 'Approved', summary: 'test stack looks good' });
  expect(cp.commandCalls(GetPipelineStateCommand)[0].args[0].input).toEqual({ name: 'Walkthrough' });
  expect(cp.commandCalls(PutApprovalResultCommand)[0].args[0].input).toEqual({
    pipelineName: 'Walkthrough',
    stageName: 'TestStage',
    actionName: 'ApproveTestStack',
    token: TOKEN,
    result: { status: 'Approved', summary: 'test stack looks good' },
  });
});

test('a rejection without --summary says it came from pipectl', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: walkthroughState() });
  cp.on(PutApprovalResultCommand).resolves({});
  await answerApproval(client, { ...request, decision: 'Rejected' });
  expect(cp.commandCalls(PutApprovalResultCommand)[0].args[0].input.result).toEqual({ status: 'Rejected', summary: 'Rejected with pipectl' });
});

test('refuses when the approval already succeeded', async () => {
  cp.on(GetPipelineStateCommand).resolves({
    stageStates: [stage('TestStage', 'InProgress', [action('ApproveTestStack', 'Succeeded', { token: TOKEN })])],
  });
  await expect(answerApproval(client, { ...request, decision: 'Approved' })).rejects.toThrow(
    'action "ApproveTestStack" in stage "TestStage" of pipeline "Walkthrough" has no pending approval (its latest execution is Succeeded)',
  );
  expect(cp.commandCalls(PutApprovalResultCommand)).toHaveLength(0);
});

test('refuses when the approval has not run yet', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: walkthroughState() });
  await expect(
    answerApproval(client, { pipeline: 'Walkthrough', stage: 'ProdStage', action: 'ApproveChangeSet', decision: 'Approved' }),
  ).rejects.toThrow('action "ApproveChangeSet" in stage "ProdStage" of pipeline "Walkthrough" has no pending approval (it has not run yet)');
});

test('names the stages there are when the stage is unknown', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: walkthroughState() });
  await expect(answerApproval(client, { ...request, stage: 'Test', decision: 'Approved' })).rejects.toThrow(
    'stage "Test" not found in pipeline "Walkthrough" (stages: Source, TestStage, ProdStage)',
  );
});

test('names the actions there are when the action is unknown', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: walkthroughState() });
  await expect(answerApproval(client, { ...request, action: 'Approve', decision: 'Approved' })).rejects.toThrow(
    'action "Approve" not found in stage "TestStage" of pipeline "Walkthrough" (actions: CreateStack, ApproveTestStack, DeleteTestStack)',
  );
});

test('rejects a summary longer than the API allows before any call', async () => {
  await expect(answerApproval(client, { ...request, decision: 'Approved', summary: 'x'.repeat(513) })).rejects.toThrow(
    '--summary is 513 characters; CodePipeline accepts at most 512',
  );
  expect(cp.calls()).toHaveLength(0);
});
