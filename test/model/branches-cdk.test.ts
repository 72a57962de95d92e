import { App, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { PipelineChecks } from '../../lib/checks';
import { branchesOfCfnPipeline } from '../../lib/model/cdk-branches';
import { pipelineModelOf } from '../../lib/model/from-cdk';

const env = { account: '111111111111', region: 'us-east-1' };

const source = {
  name: 'Source',
  actions: [{
    name: 'Source',
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
    configuration: { S3Bucket: 'release-source', S3ObjectKey: 'app.zip' },
    outputArtifacts: [{ name: 'Src' }],
  }],
};
const build = (name: string, input: string, output?: string) => ({
  name,
  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
  configuration: { ProjectName: name },
  inputArtifacts: [{ name: input }],
  outputArtifacts: output ? [{ name: output }] : undefined,
});

/** A stack whose Build stage outputs Prod or Test by IsProd, and a Deploy stage that reads `deployInput`. */
function conditionalStack(deployInput: (isProd: CfnCondition) => unknown, options: { allowed?: string[]; resourceCondition?: boolean } = {}) {
  const app = new App();
  const stack = new Stack(app, 'Release', { env });
  const environment = new CfnParameter(stack, 'Env', { allowedValues: options.allowed });
  const isProd = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals(environment.valueAsString, 'prod') });
  const pipeline = new CfnPipeline(stack, 'Pipeline', {
    name: 'release',
    roleArn: 'arn:aws:iam::111111111111:role/release',
    artifactStore: { type: 'S3', location: 'artifacts' },
    stages: [
      source,
      { name: 'Build', actions: [Fn.conditionIf(isProd.logicalId, build('Build', 'Src', 'Prod'), build('Build', 'Src', 'Test'))] },
      { name: 'Deploy', actions: [build('Deploy', deployInput(isProd) as string)] },
    ],
  });
  if (options.resourceCondition) pipeline.cfnOptions.condition = isProd;
  return { app, stack, pipeline };
}

describe('the synth-time check on a CfnPipeline that uses the stack\'s conditions', () => {
  test('an artifact that only exists when IsProd is false, read when it is true, fails synth with the condition value', () => {
    const { app } = conditionalStack(() => 'Test');
    PipelineChecks.of(app);
    expect(() => app.synth()).toThrow(
      '[Release/Pipeline] [artifact-flow] stage "Deploy", action "Deploy" (when IsProd is true): input artifact "Test" is not the output of any action in the pipeline (CodePipeline user guide, Pipeline structure reference). Fix: use the name of an earlier action\'s output artifact, or add an action that outputs "Test".',
    );
  });

  test('the branch that matches each combination passes', () => {
    const { app } = conditionalStack((isProd) => Fn.conditionIf(isProd.logicalId, 'Prod', 'Test'));
    PipelineChecks.of(app);
    expect(() => app.synth()).not.toThrow();
  });

  test('a pipeline that only exists when IsProd is true is only checked then', () => {
    const { app } = conditionalStack(() => 'Prod', { resourceCondition: true });
    PipelineChecks.of(app);
    expect(() => app.synth()).not.toThrow();
    const always = conditionalStack(() => 'Prod');
    PipelineChecks.of(always.app);
    expect(() => always.app.synth()).toThrow(/\[artifact-flow\] stage "Deploy", action "Deploy" \(when IsProd is false\): input artifact "Prod" /);
  });

  test('the stack\'s parameters narrow the combinations: AllowedValues [prod] leaves IsProd true alone', () => {
    const { pipeline } = conditionalStack(() => 'Prod', { allowed: ['prod'] });
    const branches = branchesOfCfnPipeline(pipeline, pipelineModelOf(pipeline));
    expect(branches.plan).toEqual({ kind: 'combinations', conditions: ['IsProd'], combinations: [{ IsProd: true }] });
    expect(branches.branches[0].model.origin).toEqual({ logicalId: 'Pipeline', constructPath: 'Release/Pipeline', file: undefined });
  });

  test('a stack without conditions is one model', () => {
    const app = new App();
    const stack = new Stack(app, 'Plain', { env });
    const pipeline = new CfnPipeline(stack, 'Pipeline', {
      roleArn: 'arn:aws:iam::111111111111:role/release',
      stages: [source, { name: 'Build', actions: [build('Build', 'Src')] }],
    });
    const model = pipelineModelOf(pipeline);
    expect(branchesOfCfnPipeline(pipeline, model)).toEqual({ model, plan: { kind: 'single' }, branches: [] });
  });
});
