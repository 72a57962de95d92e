import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { modelForSynthesis, modelForValidation } from '../../lib/model/synth-models';

function rawPipeline(): codepipeline.CfnPipeline {
  const stack = new Stack(new App(), 'Raw', { env: { account: '111111111111', region: 'us-east-1' } });
  return new codepipeline.CfnPipeline(stack, 'Raw', {
    roleArn: 'arn:aws:iam::111111111111:role/release',
    artifactStore: { type: 'S3', location: 'artifacts-111111111111' },
    stages: [{ name: 'Source', actions: [] }],
  });
}

test('the model the check builds is handed to the diagrams once, then built afresh', () => {
  const pipeline = rawPipeline();
  const validated = modelForValidation(pipeline);
  expect(modelForSynthesis(pipeline)).toBe(validated);

  pipeline.addPropertyOverride('Stages.0.Name', 'Sources');
  const afresh = modelForSynthesis(pipeline);
  expect(afresh).not.toBe(validated);
  expect(afresh.stages[0].name).toBe('Sources');
});
