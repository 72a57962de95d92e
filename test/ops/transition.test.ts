import { CodePipelineClient, DisableStageTransitionCommand, EnableStageTransitionCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodePipelineClient } from '../../lib/ops/clients';
import { checkReason, setInboundTransition } from '../../lib/ops/transition';

const cp = mockClient(CodePipelineClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });
beforeEach(() => cp.reset());

test('disables the inbound transition with the reason', async () => {
  cp.on(DisableStageTransitionCommand).resolves({});
  await setInboundTransition(client, { pipeline: 'P', stage: 'Prod', enable: false, reason: 'Release freeze (ticket 42)' });
  expect(cp.commandCalls(DisableStageTransitionCommand)[0].args[0].input).toEqual({
    pipelineName: 'P',
    stageName: 'Prod',
    transitionType: 'Inbound',
    reason: 'Release freeze (ticket 42)',
  });
});

test('disabling without a reason sends the default one, which the API requires', async () => {
  cp.on(DisableStageTransitionCommand).resolves({});
  await setInboundTransition(client, { pipeline: 'P', stage: 'Prod', enable: false });
  expect(cp.commandCalls(DisableStageTransitionCommand)[0].args[0].input.reason).toBe('Disabled with pipectl');
});

test('enables the inbound transition', async () => {
  cp.on(EnableStageTransitionCommand).resolves({});
  await setInboundTransition(client, { pipeline: 'P', stage: 'Prod', enable: true });
  expect(cp.commandCalls(EnableStageTransitionCommand)[0].args[0].input).toEqual({ pipelineName: 'P', stageName: 'Prod', transitionType: 'Inbound' });
});

test('a reason with enable is a contradiction', async () => {
  await expect(setInboundTransition(client, { pipeline: 'P', stage: 'Prod', enable: true, reason: 'x' })).rejects.toThrow(
    '--reason applies only to "transition disable": remove --reason, or use disable',
  );
  expect(cp.calls()).toHaveLength(0);
});

test('a reason with characters the API rejects names them', () => {
  expect(() => checkReason('freeze: see ticket, 42')).toThrow(
    '--reason contains characters CodePipeline rejects (":" ","): use letters, digits, spaces and ! @ ( ) . * ? -',
  );
  expect(() => checkReason('x'.repeat(301))).toThrow('--reason must be 1–300 characters; it is 301');
  expect(checkReason('Hold for QA! (see @ops)')).toBe('Hold for QA! (see @ops)');
});
