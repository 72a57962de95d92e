import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { summarizePipeline } from '../../lib/diagram/summary';
import { pipelineSummary } from '../../lib/testing';
import { PipelineModel } from '../../lib/model/pipeline-model';
import { unresolved } from '../../lib/model/values';
import { cloudFormationAction, releasePipeline, ruleOf, v2Pipeline } from './fixtures';

/** A small aws-cdk-lib pipeline: S3 source, a test stack in another account, an approval, a change set. */
function smallPipelineStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
  const sourceBucket = new s3.Bucket(stack, 'SourceBucket', { versioned: true });
  const source = new codepipeline.Artifact('TemplateSource');
  const testRole = iam.Role.fromRoleArn(stack, 'TestDeployRole', 'arn:aws:iam::222222222222:role/pipeline-deploy-test', { mutable: false });
  const testCfnRole = iam.Role.fromRoleArn(stack, 'TestCfnRole', 'arn:aws:iam::222222222222:role/cfn-deploy-test', { mutable: false });
  new codepipeline.Pipeline(stack, 'Pipeline', {
    pipelineName: 'Release',
    crossAccountKeys: true,
    stages: [
      {
        stageName: 'Source',
        actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: sourceBucket, bucketKey: 'app.zip', output: source, trigger: actions.S3Trigger.NONE })],
      },
      {
        stageName: 'Test',
        actions: [
          new actions.CloudFormationCreateReplaceChangeSetAction({
            actionName: 'PrepareTestChanges',
            stackName: 'test-stack',
            changeSetName: 'test-changes',
            adminPermissions: false,
            templatePath: source.atPath('template.yaml'),
            role: testRole,
            deploymentRole: testCfnRole,
            account: '222222222222',
            runOrder: 1,
          }),
          new actions.ManualApprovalAction({ actionName: 'ApproveTestChanges', runOrder: 2 }),
          new actions.CloudFormationExecuteChangeSetAction({
            actionName: 'ExecuteTestChanges',
            stackName: 'test-stack',
            changeSetName: 'test-changes',
            role: testRole,
            account: '222222222222',
            runOrder: 3,
          }),
        ],
      },
    ],
  });
  return stack;
}

/**
 * A small aws-cdk-lib V2 pipeline with every part V2 adds: a trigger with push and pull-request
 * filters, a variable, QUEUED, a Commands action, a disabled transition, rollback on failure, an entry
 * window and an alarm checked after success.
 */
function v2PipelineStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
  const source = new codepipeline.Artifact('TemplateSource');
  const deployRole = iam.Role.fromRoleArn(stack, 'DeployRole', 'arn:aws:iam::222222222222:role/pipeline-deploy', { mutable: false });
  const cfnRole = iam.Role.fromRoleArn(stack, 'CfnRole', 'arn:aws:iam::222222222222:role/cfn-deploy', { mutable: false });
  new codepipeline.Pipeline(stack, 'Pipeline', {
    pipelineName: 'Release',
    pipelineType: codepipeline.PipelineType.V2,
    executionMode: codepipeline.ExecutionMode.QUEUED,
    variables: [new codepipeline.Variable({ variableName: 'Env', defaultValue: 'test', description: 'the target environment' })],
    triggers: [
      {
        providerType: codepipeline.ProviderType.CODE_STAR_SOURCE_CONNECTION,
        gitConfiguration: {
          sourceAction: sourceAction(source),
          pushFilter: [{ branchesIncludes: ['main', 'release/*'], filePathsExcludes: ['docs/**'] }],
          pullRequestFilter: [{ branchesIncludes: ['main'], events: [codepipeline.GitPullRequestEvent.OPEN] }],
        },
      },
    ],
    stages: [
      { stageName: 'Source', actions: [sourceAction(source)] },
      {
        stageName: 'Check',
        actions: [
          new actions.CommandsAction({ actionName: 'Lint', input: source, commands: ['npm ci', 'npm test'], outputVariables: ['REPORT'] }),
        ],
      },
      {
        stageName: 'Prod',
        transitionToEnabled: false,
        transitionDisabledReason: 'Change freeze',
        onFailure: { result: codepipeline.Result.ROLLBACK },
        beforeEntry: {
          conditions: [
            {
              result: codepipeline.Result.FAIL,
              rules: [
                new codepipeline.Rule({
                  name: 'Window',
                  provider: 'DeploymentWindow',
                  version: '1',
                  configuration: { Cron: '0 9 ? * MON-FRI *', TimeZone: 'Europe/Berlin' },
                }),
              ],
            },
          ],
        },
        onSuccess: {
          conditions: [
            {
              result: codepipeline.Result.ROLLBACK,
              rules: [
                new codepipeline.Rule({ name: 'Errors', provider: 'CloudWatchAlarm', version: '1', configuration: { AlarmName: 'orders-errors', WaitTime: '30' } }),
              ],
            },
          ],
        },
        actions: [
          new actions.CloudFormationCreateUpdateStackAction({
            actionName: 'Deploy',
            stackName: 'prod-stack',
            adminPermissions: false,
            templatePath: source.atPath('template.yaml'),
            role: deployRole,
            deploymentRole: cfnRole,
            account: '222222222222',
          }),
        ],
      },
    ],
  });
  return stack;
}

/** One source action object per artifact, so that the trigger names the action the stage holds. */
const sourceActions = new WeakMap<codepipeline.Artifact, actions.CodeStarConnectionsSourceAction>();
function sourceAction(output: codepipeline.Artifact): actions.CodeStarConnectionsSourceAction {
  let action = sourceActions.get(output);
  if (!action) {
    action = new actions.CodeStarConnectionsSourceAction({
      actionName: 'Source',
      connectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc',
      owner: 'octo',
      repo: 'templates',
      branch: 'main',
      output,
    });
    sourceActions.set(output, action);
  }
  return action;
}

describe('pipelineSummary', () => {
  test('summarizes an aws-cdk-lib pipeline without hashes', () => {
    const summary = pipelineSummary(smallPipelineStack());
    // A CDK logical-ID hash is 8 upper-case hex digits right after the ID, e.g. PipelineRoleD68726F7.
    expect(summary).not.toMatch(/[a-z][0-9A-F]{8}\b/);
    expect(summary).toMatchSnapshot();
  });

  test('shows what V2 adds, one line per fact', () => {
    expect(pipelineSummary(v2PipelineStack())).toMatchSnapshot();
  });

  test('the README shows these summaries as they are', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
    expect(readme).toContain(`\`\`\`text\n${pipelineSummary(smallPipelineStack())}\`\`\`\n`);
    expect(readme).toContain(`\`\`\`text\n${pipelineSummary(v2PipelineStack())}\`\`\`\n`);
  });

  test('is stable: the same app gives the same text', () => {
    expect(pipelineSummary(smallPipelineStack())).toBe(pipelineSummary(smallPipelineStack()));
  });

  test('names the stack when it has no pipeline', () => {
    const stack = new Stack(new App(), 'Empty');
    expect(() => pipelineSummary(stack)).toThrow('pipelineSummary: stack Empty has no CodePipeline pipeline; pass the stack that defines it.');
  });
});

describe('summarizePipeline', () => {
  test('lists stages, actions in run order, artifacts, targets, roles and configuration', () => {
    expect(summarizePipeline(releasePipeline())).toBe(
      [
        'Pipeline Release (role: PipelineRole, artifact store: S3 Ref(ArtifactsBucket) (KMS GetAtt(ArtifactsKey.Arn)))',
        '  Stage Source',
        '    1 Source  S3  -> out: TemplateSource',
        '        PollForSourceChanges=false',
        '        S3Bucket=Ref(SourceBucket)',
        '        S3ObjectKey=wordpress-single-instance.zip',
        '  Stage Check',
        '    1 Lint  CodeBuild  in: TemplateSource',
        '        ProjectName=Ref(LintProject)',
        '    1 UnitTests  CodeBuild  in: TemplateSource',
        '        ProjectName=unit-tests',
        '  Stage TestStage',
        '    1 CreateStack  CloudFormation REPLACE_ON_FAILURE stack=test-stack @ 222222222222  in: TemplateSource',
        '        role: pipeline-deploy-test',
        '        RoleArn=arn:aws:iam::222222222222:role/cfn-deploy-test',
        '        TemplateConfiguration=TemplateSource::test-stack-configuration.json',
        '        TemplatePath=TemplateSource::wordpress-single-instance.yaml',
        '    2 ApproveTestStack  Manual approval',
        '    3 DeleteTestStack  CloudFormation DELETE_ONLY stack=test-stack @ 222222222222',
        '        role: pipeline-deploy-test',
        '        RoleArn=arn:aws:iam::222222222222:role/cfn-deploy-test',
        '  Stage ProdStage',
        '    1 CreateChangeSet  CloudFormation CHANGE_SET_REPLACE stack=prod-stack changeset=prod-stack-changeset @ 333333333333  in: TemplateSource',
        '        role: pipeline-deploy-prod',
        '        RoleArn=arn:aws:iam::333333333333:role/cfn-deploy-prod',
        '        TemplatePath=TemplateSource::wordpress-single-instance.yaml',
        '    2 ApproveChangeSet  Manual approval',
        '    3 ExecuteChangeSet  CloudFormation CHANGE_SET_EXECUTE stack=prod-stack changeset=prod-stack-changeset @ 333333333333',
        '        role: pipeline-deploy-prod',
        '',
      ].join('\n'),
    );
  });

  test('masks credentials in configuration', () => {
    const pipeline = releasePipeline();
    const source = pipeline.stages[0].actions[0];
    const withToken = {
      ...pipeline,
      stages: [{ name: 'Source', actions: [{ ...source, configuration: { Owner: 'me', Repo: 'app', OAuthToken: 'ghp_secret' } }] }],
    };
    expect(summarizePipeline(withToken)).toContain('        OAuthToken=****\n        Owner=me\n');
    expect(summarizePipeline(withToken)).not.toContain('ghp_secret');
  });

  test('a line break or escape sequence in a value is shown escaped: it cannot forge a line', () => {
    const pipeline: PipelineModel = {
      name: 'Release\n  Stage Approved',
      stages: [
        {
          name: 'Deploy\r\n    1 Check  Manual approval',
          actions: [cloudFormationAction('Go\u001b[2K', 1, { ActionMode: 'DELETE_ONLY', StackName: 'a\nb', 'Key\nForged': 'v\u202e' })],
        },
      ],
      context: {},
      origin: {},
    };
    expect(summarizePipeline(pipeline)).toBe(
      [
        'Pipeline Release\\n  Stage Approved (role: none)',
        '  Stage Deploy\\r\\n    1 Check  Manual approval',
        '    1 Go\\x1b[2K  CloudFormation DELETE_ONLY stack=a\\nb',
        '        Key\\nForged=v\\u202e',
        '',
      ].join('\n'),
    );
  });

  test('shows what V2 adds: one line per variable, trigger filter, disabled transition, condition rule and command list', () => {
    expect(summarizePipeline(v2Pipeline())).toBe(
      [
        'Pipeline Release (type: V2, role: none)',
        '  execution mode: QUEUED',
        '  variable Env = test (the target environment)',
        '  variable Version',
        '  trigger on Source: push branches main, release/*; file paths !docs/**',
        '  trigger on Source: push tags v*',
        '  trigger on Source: pull request events OPEN, UPDATED; branches main',
        '  transition into Prod disabled: Change freeze',
        '  Stage Source',
        '    1 Source  CodeStarSourceConnection  -> out: Src',
        '        BranchName=main',
        '        ConnectionArn=arn:aws:codeconnections:us-east-1:111111111111:connection/abc',
        '        FullRepositoryId=octo/app',
        '  Stage Check',
        '    on failure: RETRY FAILED_ACTIONS',
        '    1 Test  Commands  in: Src',
        '        commands: npm ci; npm test; npm run lint; echo "REPORT=ok"',
        '        output variables: REPORT',
        '        environment: STAGE=#{variables.Env}',
        '        environment: API_TOKEN=****',
        '        namespace: TestVars',
        '  Stage Prod',
        '    before entry: Window  DeploymentWindow cron(0 9 ? * MON-FRI *) Europe/Berlin -> FAIL',
        '    on success: Errors  CloudWatchAlarm alarm orders-errors -> ROLLBACK',
        '        WaitTime=30',
        '    on success: Smoke  Commands @ eu-west-1  in: Src -> ROLLBACK',
        '        role: smoke',
        '        commands: curl -f https://example.com/health',
        '        timeout: 10 min',
        '    on failure: ROLLBACK',
        '    1 Deploy  CloudFormation CREATE_UPDATE stack=prod  in: Src',
        '',
      ].join('\n'),
    );
  });

  test('removing a rollback or an entry condition is a one-line diff', () => {
    const pipeline = v2Pipeline();
    const lines = (model: PipelineModel) => summarizePipeline(model).split('\n');
    const prod = pipeline.stages[2];
    const withoutRollback = { ...pipeline, stages: [pipeline.stages[0], pipeline.stages[1], { ...prod, onFailure: undefined }] };
    const withoutWindow = { ...pipeline, stages: [pipeline.stages[0], pipeline.stages[1], { ...prod, beforeEntry: undefined }] };
    const removed = (after: PipelineModel) => lines(pipeline).filter((line) => !lines(after).includes(line));
    expect(removed(withoutRollback)).toEqual(['    on failure: ROLLBACK']);
    expect(removed(withoutWindow)).toEqual(['    before entry: Window  DeploymentWindow cron(0 9 ? * MON-FRI *) Europe/Berlin -> FAIL']);
  });

  test('rules of other providers, conditions without rules or results, triggers without filters, deploy-time values', () => {
    const pipeline: PipelineModel = {
      name: 'P',
      executionMode: unresolved({ Ref: 'Mode' }),
      triggers: [
        { providerType: 'CodeStarSourceConnection', sourceActionName: 'Source' },
        { providerType: 'GitHub', sourceActionName: unresolved({ Ref: 'SourceName' }), push: [{}], pullRequest: [{ filePaths: { includes: [] } }] },
      ],
      disabledInboundTransitions: [{ stageName: 'Nowhere', reason: unresolved({ Ref: 'Reason' }) }],
      stages: [
        {
          name: 'Gate',
          onFailure: { conditions: [{ result: 'ROLLBACK', rules: [ruleOf('Fn', 'LambdaInvoke', { FunctionName: 'check', UserParameters: 'x' })] }] },
          beforeEntry: {
            conditions: [
              { result: 'SKIP', rules: [ruleOf('Branch', 'VariableCheck', { Variable: '#{SourceVariables.BranchName}', Operator: 'EQ', Value: 'main' })] },
              { rules: [] },
            ],
          },
          onSuccess: { conditions: [{ result: 'FAIL', rules: [ruleOf('Build', 'CodeBuild', { ProjectName: 'checks', Secret: 'x' }), ruleOf('Other', 'Custom', { A: '1' })] }] },
          actions: [],
        },
      ],
      context: {},
      origin: {},
    };
    expect(summarizePipeline(pipeline)).toBe(
      [
        'Pipeline P (role: none)',
        '  execution mode: Ref(Mode)',
        '  trigger on Source',
        '  trigger on Ref(SourceName) (GitHub): push',
        '  trigger on Ref(SourceName) (GitHub): pull request file paths (none)',
        '  transition into Nowhere disabled: Ref(Reason)',
        '  Stage Gate',
        '    before entry: Branch  VariableCheck #{SourceVariables.BranchName} EQ main -> SKIP',
        '    before entry: (no rules)',
        '    on success: Build  CodeBuild project checks -> FAIL',
        '        Secret=****',
        '    on success: Other  Custom -> FAIL',
        '        A=1',
        '    on failure: (no result)',
        '    on failure: Fn  LambdaInvoke function check -> ROLLBACK',
        '        UserParameters=x',
        '',
      ].join('\n'),
    );
  });

  test('a line break or escape sequence in a V2 value is shown escaped: it cannot forge a line', () => {
    const pipeline: PipelineModel = {
      name: 'P',
      variables: [{ name: 'Env\n  execution mode: PARALLEL', defaultValue: 'a\u001b[2K', description: 'b\u202e' }],
      triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: 'Source', push: [{ branches: { includes: ['main\r\n  trigger'] } }] }],
      stages: [
        {
          name: 'S',
          beforeEntry: { conditions: [{ result: 'FAIL\n    on failure: ROLLBACK', rules: [ruleOf('W\n', 'DeploymentWindow', { Cron: '0\t9' })] }] },
          actions: [{ ...cloudFormationAction('A', 1, {}), commands: ['echo ok\n        role: admin'], environmentVariables: [{ name: 'X', value: '\u0007' }] }],
        },
      ],
      context: {},
      origin: {},
    };
    expect(summarizePipeline(pipeline)).toBe(
      [
        'Pipeline P (role: none)',
        '  variable Env\\n  execution mode: PARALLEL = a\\x1b[2K (b\\u202e)',
        '  trigger on Source: push branches main\\r\\n  trigger',
        '  Stage S',
        '    before entry: W\\n  DeploymentWindow cron(0\\t9) -> FAIL\\n    on failure: ROLLBACK',
        '    1 A  CloudFormation',
        '        commands: echo ok\\n        role: admin',
        '        environment: X=\\x07',
        '',
      ].join('\n'),
    );
  });
});

