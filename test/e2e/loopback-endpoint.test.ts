import { AwsJsonServer } from './loopback/aws-json-server';
import { CODEPIPELINE_INPUTS, KMS_INPUTS, shapeViolations } from './loopback/shapes';

test('the endpoint table rejects what the API models reject', () => {
  expect(shapeViolations(CODEPIPELINE_INPUTS.GetPipelineState, {})).toEqual(['input.name: required']);
  expect(shapeViolations(CODEPIPELINE_INPUTS.GetPipelineState, { name: 'bad name' })).toEqual(['input.name: does not match /^[A-Za-z0-9.@\\-_]+$/']);
  expect(
    shapeViolations(CODEPIPELINE_INPUTS.PutApprovalResult, {
      pipelineName: 'P',
      stageName: 'S',
      actionName: 'A',
      token: 'not-a-uuid',
      result: { status: 'Maybe', summary: 'x'.repeat(513) },
    }),
  ).toEqual([
    'input.token: does not match /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/',
    'input.result.status: not one of Approved, Rejected',
    'input.result.summary: longer than 512',
  ]);
  expect(shapeViolations(CODEPIPELINE_INPUTS.RetryStageExecution, { pipelineName: 'P', stageName: 'S', pipelineExecutionId: '11111111-1111-4111-8111-111111111111', retryMode: 'SOME' })).toEqual([
    'input.retryMode: not one of FAILED_ACTIONS, ALL_ACTIONS',
  ]);
  expect(shapeViolations(CODEPIPELINE_INPUTS.ListPipelineExecutions, { pipelineName: 'P', maxResults: 0, extra: 1 })).toEqual([
    'input.maxResults: below 1',
    'input.extra: not a member of the input',
  ]);
  expect(shapeViolations(KMS_INPUTS.GetKeyPolicy, { KeyId: '', PolicyName: 'not default' })).toEqual([
    'input.KeyId: shorter than 1',
    'input.PolicyName: does not match /^[\\w]+$/',
  ]);
});

test('the endpoint refuses unsigned requests and unknown targets', async () => {
  const server = new AwsJsonServer({});
  const endpoint = await server.listen();
  try {
    const post = (target: string, headers: Record<string, string> = {}) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...headers }, body: '{}' });
    const unsigned = await post('CodePipeline_20150709.GetPipelineState');
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toEqual({ __type: 'IncompleteSignatureException', message: 'bad Authorization for codepipeline' });
    const unknown = await post('Nope.Op');
    expect(await unknown.json()).toEqual({ __type: 'UnknownOperationException', message: 'no operation for target "Nope.Op"' });
  } finally {
    await server.close();
  }
});
