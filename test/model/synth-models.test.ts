import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { multiAccountExample } from '../../examples/multi-account';
import { walkthroughExample } from '../../examples/walkthrough';
import { pipelineModelOf } from '../../lib/model/from-cdk';
import { pipelinesFromTemplate } from '../../lib/model/from-cloudformation';
import { PipelineModel } from '../../lib/model/pipeline-model';
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

describe('the model of a CfnPipeline is the model of the template it synthesizes', () => {
  const context = { pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', devAccount: '444444444444', region: 'us-east-1' };
  const cases: Array<[string, (app: App) => void]> = [
    ['walkthrough', (app) => { walkthroughExample(app, context); }],
    ['multi-account', (app) => {
      multiAccountExample(app, {
        ...context,
        qaAccount: context.testAccount,
        connectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/00000000-0000-0000-0000-000000000000',
        repository: 'example-org/orders-service',
      });
    }],
  ];

  test.each(cases)('%s: read from the construct (no overrides) and from the written template alike', (_name, build) => {
    const app = new App();
    build(app);
    const pipelines = app.node.findAll().filter((c): c is codepipeline.CfnPipeline => c instanceof codepipeline.CfnPipeline);
    expect(pipelines).toHaveLength(1);
    const [pipeline] = pipelines;
    const stack = Stack.of(pipeline);
    const fromConstruct = pipelineModelOf(pipeline);
    const [fromTemplate] = pipelinesFromTemplate(Template.fromStack(stack).toJSON(), { account: stack.account, region: stack.region });
    const comparable = ({ origin: _origin, context: _context, ...model }: PipelineModel) => model;
    expect(comparable(fromConstruct)).toEqual(comparable(fromTemplate));
    expect(fromConstruct.context.account).toBe('111111111111');
  });
});
