import { Annotations as CdkAnnotations, App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PipelineChecks, WARNING_ID_PREFIX } from '../lib/checks';

const env = { account: '111111111111', region: 'us-east-1' };

/** A plain aws-cdk-lib pipeline, as a user would write it: S3 source, CodeBuild, CloudFormation deploy. */
function userPipeline(stack: Stack, options: { buildAfterDeploy?: boolean; extraStages?: number } = {}) {
  const bucket = new s3.Bucket(stack, 'Source', { versioned: true });
  const source = new codepipeline.Artifact('Source');
  const built = new codepipeline.Artifact('Built');
  const project = new codebuild.PipelineProject(stack, 'Project');
  const buildStage = {
    stageName: 'Build',
    actions: [new actions.CodeBuildAction({ actionName: 'Build', project, input: source, outputs: [built] })],
  };
  const deployStage = {
    stageName: 'Deploy',
    actions: [
      new actions.CloudFormationCreateUpdateStackAction({
        actionName: 'Deploy',
        stackName: 'app',
        templatePath: built.atPath('app.yaml'),
        adminPermissions: false,
      }),
    ],
  };
  const extra = Array.from({ length: options.extraStages ?? 0 }, (_, i) => ({
    stageName: `Approve${i + 1}`,
    actions: [new actions.ManualApprovalAction({ actionName: 'Approve' })],
  }));
  return new codepipeline.Pipeline(stack, 'Pipeline', {
    pipelineName: 'Release',
    pipelineType: codepipeline.PipelineType.V2,
    stages: [
      { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket, bucketKey: 'app.zip', output: source })] },
      ...(options.buildAfterDeploy ? [deployStage, buildStage] : [buildStage, deployStage]),
      ...extra,
    ],
  });
}

describe('PipelineChecks on a plain aws-cdk-lib pipeline', () => {
  test('a valid pipeline synthesizes with no finding', () => {
    const app = new App();
    const stack = new Stack(app, 'Release', { env });
    userPipeline(stack);
    PipelineChecks.of(app);

    const assembly = app.synth();
    expect(assembly.getStackByName('Release').messages).toEqual([]);
  });

  test('an artifact consumed a stage before it is produced fails synth with the construct path', () => {
    // aws-cdk-lib checks the order of artifacts only within a stage; this crosses stages.
    const app = new App();
    const stack = new Stack(app, 'Release', { env });
    userPipeline(stack, { buildAfterDeploy: true });
    PipelineChecks.of(app);

    expect(() => app.synth()).toThrow(
      '[Release/Pipeline] [artifact-flow] stage "Deploy", action "Deploy": input artifact "Built" is produced by stage "Build", action "Build", which is in a later stage (CodePipeline user guide, Pipeline structure reference). Fix: move the producing action to an earlier stage, or give it a lower runOrder in the same stage.',
    );
  });

  test('the classic profile rejects an 11-stage pipeline; an override for a raised quota accepts it', () => {
    const classic = new App();
    userPipeline(new Stack(classic, 'Release', { env }), { extraStages: 8 });
    PipelineChecks.of(classic, { quotas: 'classic' });
    expect(() => classic.synth()).toThrow(
      '[Release/Pipeline] [stage-count] pipeline "Release": the pipeline has 11 stages; the limit is 10 (CodePipeline user guide (2017), Limits in AWS CodePipeline). Fix: merge stages or split the release into several pipelines; if your account\'s quota was raised, set the maxStagesPerPipeline override.',
    );

    const raised = new App();
    userPipeline(new Stack(raised, 'Release', { env }), { extraStages: 8 });
    PipelineChecks.of(raised, { quotas: 'classic', quotaOverrides: { maxStagesPerPipeline: 11 } });
    expect(() => raised.synth()).not.toThrow();
  });

  test('a pipeline covered by two checks is checked once, with the options of the closest', () => {
    const lenient = new App();
    const stack = new Stack(lenient, 'Release', { env });
    userPipeline(stack, { extraStages: 8 });
    PipelineChecks.of(lenient, { quotas: 'classic' });
    PipelineChecks.of(stack); // current profile: 11 stages are fine
    expect(() => lenient.synth()).not.toThrow();

    // The other way round the closest (classic) check fails synth, and reports once.
    const strict = new App();
    const strictStack = new Stack(strict, 'Release', { env });
    userPipeline(strictStack, { extraStages: 8 });
    PipelineChecks.of(strict);
    PipelineChecks.of(strictStack, { quotas: 'classic' });
    let message = '';
    try {
      strict.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.match(/\[stage-count\]/g)).toHaveLength(1);
  });

  test('a check added on an enclosing scope beats the default check a ReleasePipeline adds to itself', () => {
    const app = new App();
    const stack = new Stack(app, 'Release', { env });
    const pipeline = userPipeline(stack, { extraStages: 8 });
    PipelineChecks.of(app, { quotas: 'classic' });
    PipelineChecks.byDefault(pipeline); // what ReleasePipeline does without its checks prop

    expect(() => app.synth()).toThrow('[Release/Pipeline] [stage-count] pipeline "Release": the pipeline has 11 stages; the limit is 10');
  });

  test('unknown quota overrides fail where the check is added', () => {
    const app = new App();
    expect(() => PipelineChecks.of(app, { quotaOverrides: { maxStages: 3 } as never })).toThrow(
      "Unknown quota override 'maxStages': use one of minStagesPerPipeline, maxStagesPerPipeline, maxActionsPerStage, maxParallelActionsPerStage, maxSequentialActionsPerStage, maxActionsPerPipeline, maxTagsPerPipeline.",
    );
  });
});

describe('PipelineChecks on a CfnPipeline', () => {
  function cfnPipeline(stack: Stack, executeConfiguration: Record<string, unknown>) {
    const name = new CfnParameter(stack, 'PipelineName');
    const stackName = new CfnParameter(stack, 'StackName');
    return new codepipeline.CfnPipeline(stack, 'Raw', {
      name: name.valueAsString,
      roleArn: `arn:aws:iam::${stack.account}:role/release`,
      artifactStore: { type: 'S3', location: 'artifacts-111111111111' },
      stages: [
        {
          name: 'Source',
          actions: [{
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
            configuration: { S3Bucket: 'sources-111111111111', S3ObjectKey: 'app.zip' },
            outputArtifacts: [{ name: 'Template' }],
          }],
        },
        {
          name: 'Prod',
          actions: [
            {
              name: 'ExecuteChangeSet',
              actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
              configuration: { ActionMode: 'CHANGE_SET_EXECUTE', StackName: stackName.valueAsString, ChangeSetName: 'release', ...executeConfiguration },
              runOrder: 1,
            },
          ],
        },
      ],
    });
  }

  test('deploy-time values (Ref, Sub, GetAtt) raise no false error', () => {
    const app = new App();
    const stack = new Stack(app, 'Raw', { env });
    cfnPipeline(stack, {});
    PipelineChecks.of(app);

    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('a warning is an annotation with an ID that can be acknowledged', () => {
    const app = new App();
    const stack = new Stack(app, 'Raw', { env });
    cfnPipeline(stack, { RoleArn: 'arn:aws:iam::111111111111:role/stack' });
    PipelineChecks.of(app);

    Annotations.fromStack(stack).hasWarning(
      '/Raw/Raw',
      '[cfn-unused-configuration] stage "Prod", action "ExecuteChangeSet": ActionMode CHANGE_SET_EXECUTE ignores RoleArn (CloudFormation user guide, AWS CloudFormation configuration properties reference). Fix: remove RoleArn, or use a mode that reads it (CHANGE_SET_EXECUTE reads ChangeSetName, OutputFileName). [ack: cdk-delivery-pipelines:cfn-unused-configuration]',
    );

    const acknowledged = new App();
    const stack2 = new Stack(acknowledged, 'Raw', { env });
    cfnPipeline(stack2, { RoleArn: 'arn:aws:iam::111111111111:role/stack' });
    PipelineChecks.of(acknowledged);
    CdkAnnotations.of(stack2).acknowledgeWarning(`${WARNING_ID_PREFIX}cfn-unused-configuration`, 'the role is kept for documentation');
    Annotations.fromStack(stack2).hasNoWarning('*', Match.anyValue());
  });

  test('an escape-hatch override is seen as the template has it', () => {
    const app = new App();
    const stack = new Stack(app, 'Raw', { env });
    cfnPipeline(stack, {}).addPropertyOverride('Stages.1.Actions.0.RunOrder', 1000);
    PipelineChecks.of(app);

    expect(() => app.synth()).toThrow(
      '[Raw/Raw] [run-order] stage "Prod", action "ExecuteChangeSet": runOrder 1000 is not a whole number from 1 to 999 (CodePipeline API reference). Fix: use 1 for the first actions of the stage, and higher numbers (at most 999) for actions that run after them.',
    );
  });

  test('names from the template reach the synth output escaped: a stage name cannot rewrite the terminal', () => {
    const app = new App();
    const stack = new Stack(app, 'Raw', { env });
    const pipeline = cfnPipeline(stack, {});
    pipeline.addPropertyOverride('Stages.1.Name', 'Prod\x1b[2J\nok');
    pipeline.addPropertyOverride('Stages.1.Actions.0.RunOrder', 1000);
    PipelineChecks.of(app);

    expect(() => app.synth()).toThrow(
      '[Raw/Raw] [run-order] stage "Prod\\x1b[2J\\nok", action "ExecuteChangeSet": runOrder 1000 is not a whole number from 1 to 999',
    );
  });

  test('the check does not change the template', () => {
    const plain = new App();
    cfnPipeline(new Stack(plain, 'Raw', { env }), {});
    const checked = new App();
    const stack = new Stack(checked, 'Raw', { env });
    cfnPipeline(stack, {});
    PipelineChecks.of(checked);

    expect(Template.fromStack(stack).toJSON()).toEqual(Template.fromStack(plain.node.findChild('Raw') as Stack).toJSON());
  });
});
