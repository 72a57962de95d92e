import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { pipelineModelOf } from '../../lib/model/from-cdk';
import { pipelinesFromTemplate } from '../../lib/model/from-cloudformation';
import { loadPipelineFile, pipelinesFromDocument } from '../../lib/model/load-file';
import { MalformedPart, PipelineModel } from '../../lib/model/pipeline-model';
import { partKnown } from '../../lib/model/walk';

const ACCOUNT = '111111111111';
const CONNECTION = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/00000000-0000-0000-0000-000000000000`;

/** One V2 pipeline in the API's shape (camelCase), as get-pipeline prints it. */
function declaration(): Record<string, any> {
  return {
    name: 'Release',
    roleArn: `arn:aws:iam::${ACCOUNT}:role/release`,
    artifactStore: { type: 'S3', location: `artifacts-${ACCOUNT}` },
    pipelineType: 'V2',
    executionMode: 'QUEUED',
    variables: [{ name: 'Environment', defaultValue: 'test', description: 'Where to deploy' }, { name: 'Version' }],
    triggers: [{
      providerType: 'CodeStarSourceConnection',
      gitConfiguration: {
        sourceActionName: 'Source',
        push: [
          { branches: { includes: ['main', 'release/*'], excludes: ['wip/*'] }, filePaths: { includes: ['src/**'] } },
          { tags: { includes: ['v*'], excludes: ['v0*'] } },
        ],
        pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] }, filePaths: { excludes: ['docs/**'] } }],
      },
    }],
    stages: [
      {
        name: 'Source',
        actions: [{
          name: 'Source',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
          configuration: { ConnectionArn: CONNECTION, FullRepositoryId: 'example-org/orders', BranchName: 'main' },
          outputArtifacts: [{ name: 'Src' }],
          namespace: 'SourceVariables',
        }],
      },
      {
        name: 'Check',
        actions: [{
          name: 'Test',
          actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1' },
          runOrder: 1,
          inputArtifacts: [{ name: 'Src' }],
          commands: ['npm ci', 'npm test'],
          outputVariables: ['REPORT'],
          environmentVariables: [{ name: 'STAGE', value: '#{variables.Environment}' }],
          namespace: 'Test',
        }],
        beforeEntry: {
          conditions: [{
            result: 'FAIL',
            rules: [{
              name: 'Window',
              ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
              configuration: { Cron: 'cron(0 9 ? * MON-FRI *)', TimeZone: 'UTC' },
            }],
          }],
        },
        onFailure: { result: 'RETRY', retryConfiguration: { retryMode: 'FAILED_ACTIONS' } },
      },
      {
        name: 'Deploy',
        actions: [{
          name: 'Deploy',
          actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
          inputArtifacts: [{ name: 'Src' }],
          configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'orders', TemplatePath: 'Src::template.yaml', RoleArn: `arn:aws:iam::${ACCOUNT}:role/cfn` },
        }],
        onSuccess: {
          conditions: [{
            result: 'ROLLBACK',
            rules: [{
              name: 'Alarm',
              ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'CloudWatchAlarm', version: '1' },
              configuration: { AlarmName: 'orders-errors', WaitTime: '5' },
              roleArn: `arn:aws:iam::${ACCOUNT}:role/alarm-rule`,
              region: 'us-east-1',
            }],
          }],
        },
        onFailure: {
          result: 'ROLLBACK',
          conditions: [{
            result: 'FAIL',
            rules: [{
              name: 'Probe',
              ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'Commands', version: '1' },
              commands: ['curl -f https://example.com/health'],
              inputArtifacts: [{ name: 'Src' }],
            }],
          }],
        },
      },
    ],
  };
}

const DISABLED = [{ stageName: 'Deploy', reason: 'Release windows only' }];

/** The V2 parts the readers must find, written out as the model states them. */
const EXPECTED_V2 = {
  pipelineType: 'V2',
  executionMode: 'QUEUED',
  variables: [{ name: 'Environment', defaultValue: 'test', description: 'Where to deploy' }, { name: 'Version' }],
  triggers: [{
    providerType: 'CodeStarSourceConnection',
    sourceActionName: 'Source',
    push: [
      { branches: { includes: ['main', 'release/*'], excludes: ['wip/*'] }, filePaths: { includes: ['src/**'] } },
      { tags: { includes: ['v*'], excludes: ['v0*'] } },
    ],
    pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] }, filePaths: { excludes: ['docs/**'] } }],
  }],
};

/** A template's properties: the declaration with PascalCase keys (configuration keys are data, already PascalCase). */
function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.charAt(0).toUpperCase() + key.slice(1), pascal(v)]));
}

function template(properties: unknown = pascal({ ...declaration(), disableInboundStageTransitions: DISABLED })): Record<string, unknown> {
  return { Resources: { Release: { Type: 'AWS::CodePipeline::Pipeline', Properties: properties } } };
}

/** The same pipeline written by hand in YAML, with quoted numbers and flow lists. */
const YAML = `
Resources:
  Release:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: Release
      RoleArn: arn:aws:iam::${ACCOUNT}:role/release
      ArtifactStore: { Type: S3, Location: artifacts-${ACCOUNT} }
      PipelineType: V2
      ExecutionMode: QUEUED
      Variables:
        - { Name: Environment, DefaultValue: test, Description: Where to deploy }
        - Name: Version
      Triggers:
        - ProviderType: CodeStarSourceConnection
          GitConfiguration:
            SourceActionName: Source
            Push:
              - Branches: { Includes: [main, release/*], Excludes: [wip/*] }
                FilePaths: { Includes: ["src/**"] }
              - Tags: { Includes: [v*], Excludes: [v0*] }
            PullRequest:
              - Events: [OPEN, UPDATED]
                Branches: { Includes: [main] }
                FilePaths: { Excludes: ["docs/**"] }
      DisableInboundStageTransitions:
        - StageName: Deploy
          Reason: Release windows only
      Stages:
        - Name: Source
          Actions:
            - Name: Source
              ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeStarSourceConnection, Version: '1' }
              Configuration:
                ConnectionArn: ${CONNECTION}
                FullRepositoryId: example-org/orders
                BranchName: main
              OutputArtifacts: [{ Name: Src }]
              Namespace: SourceVariables
        - Name: Check
          Actions:
            - Name: Test
              ActionTypeId: { Category: Compute, Owner: AWS, Provider: Commands, Version: '1' }
              RunOrder: '1'
              InputArtifacts: [{ Name: Src }]
              Commands:
                - npm ci
                - npm test
              OutputVariables: [REPORT]
              EnvironmentVariables:
                - Name: STAGE
                  Value: '#{variables.Environment}'
              Namespace: Test
          BeforeEntry:
            Conditions:
              - Result: FAIL
                Rules:
                  - Name: Window
                    RuleTypeId: { Category: Rule, Owner: AWS, Provider: DeploymentWindow, Version: '1' }
                    Configuration: { Cron: 'cron(0 9 ? * MON-FRI *)', TimeZone: UTC }
          OnFailure:
            Result: RETRY
            RetryConfiguration: { RetryMode: FAILED_ACTIONS }
        - Name: Deploy
          Actions:
            - Name: Deploy
              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: '1' }
              InputArtifacts: [{ Name: Src }]
              Configuration:
                ActionMode: CREATE_UPDATE
                StackName: orders
                TemplatePath: Src::template.yaml
                RoleArn: arn:aws:iam::${ACCOUNT}:role/cfn
          OnSuccess:
            Conditions:
              - Result: ROLLBACK
                Rules:
                  - Name: Alarm
                    RuleTypeId: { Category: Rule, Owner: AWS, Provider: CloudWatchAlarm, Version: '1' }
                    Configuration: { AlarmName: orders-errors, WaitTime: '5' }
                    RoleArn: arn:aws:iam::${ACCOUNT}:role/alarm-rule
                    Region: us-east-1
          OnFailure:
            Result: ROLLBACK
            Conditions:
              - Result: FAIL
                Rules:
                  - Name: Probe
                    RuleTypeId: { Category: Rule, Owner: AWS, Provider: Commands, Version: '1' }
                    Commands: [curl -f https://example.com/health]
                    InputArtifacts: [{ Name: Src }]
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'v2-readers-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readFile(name: string, text: string): PipelineModel {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const models = loadPipelineFile(file);
  expect(models).toHaveLength(1);
  return models[0];
}

/** The model without where it came from and what surrounds it. */
const comparable = ({ origin: _origin, context: _context, ...model }: PipelineModel) => model;
/** The API's declaration has no DisableInboundStageTransitions (a CloudFormation property). */
const withoutTransitions = ({ disabledInboundTransitions: _disabled, ...model }: ReturnType<typeof comparable>) => model;

function stackFor(app = new App()): Stack {
  return new Stack(app, 'Release', { env: { account: ACCOUNT, region: 'us-east-1' } });
}

describe('every reader gives the same model of one V2 pipeline', () => {
  const fromJson = () => readFile('release.json', JSON.stringify(template()));

  test('the template\'s model holds every V2 part', () => {
    const model = fromJson();
    expect(model).toMatchObject(EXPECTED_V2);
    expect(model.disabledInboundTransitions).toEqual(DISABLED);
    expect(model.unresolvedParts).toBeUndefined();
    expect(model.malformed).toBeUndefined();
    const [source, check, deploy] = model.stages;
    expect(source.onFailure).toBeUndefined();
    expect(check.actions[0]).toMatchObject({
      commands: ['npm ci', 'npm test'],
      outputVariables: ['REPORT'],
      environmentVariables: [{ name: 'STAGE', value: '#{variables.Environment}' }],
    });
    expect(deploy.actions[0].commands).toBeUndefined();
    expect(check.beforeEntry).toEqual({
      conditions: [{
        result: 'FAIL',
        rules: [{
          name: 'Window',
          ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
          configuration: { Cron: 'cron(0 9 ? * MON-FRI *)', TimeZone: 'UTC' },
          inputArtifacts: [],
        }],
      }],
    });
    expect(check.onFailure).toEqual({ result: 'RETRY', retryMode: 'FAILED_ACTIONS' });
    expect(check.onSuccess).toBeUndefined();
    expect(deploy.onSuccess?.conditions[0].rules[0]).toEqual({
      name: 'Alarm',
      ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'CloudWatchAlarm', version: '1' },
      configuration: { AlarmName: 'orders-errors', WaitTime: '5' },
      inputArtifacts: [],
      roleArn: `arn:aws:iam::${ACCOUNT}:role/alarm-rule`,
      region: 'us-east-1',
    });
    expect(deploy.onFailure).toEqual({
      result: 'ROLLBACK',
      conditions: [{
        result: 'FAIL',
        rules: [{
          name: 'Probe',
          ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'Commands', version: '1' },
          configuration: {},
          commands: ['curl -f https://example.com/health'],
          inputArtifacts: [{ name: 'Src' }],
        }],
      }],
    });
  });

  test('template YAML', () => {
    expect(comparable(readFile('release.yaml', YAML))).toEqual(comparable(fromJson()));
  });

  test('get-pipeline output and a bare declaration: the same, without the template-only transitions', () => {
    const getPipeline = { pipeline: { ...declaration(), version: 3 }, metadata: { pipelineArn: `arn:aws:codepipeline:us-east-1:${ACCOUNT}:Release` } };
    const expected = withoutTransitions(comparable(fromJson()));
    for (const [name, document] of [['get-pipeline.json', getPipeline], ['declaration.json', declaration()]] as const) {
      const model = readFile(name, JSON.stringify(document));
      expect(model.disabledInboundTransitions).toBeUndefined();
      expect(comparable(model)).toEqual(expected);
    }
  });

  test('a rule\'s timeout, which the API has and CloudFormation does not, is read from get-pipeline output', () => {
    const api = declaration();
    api.stages[2].onFailure.conditions[0].rules[0].timeoutInMinutes = 10;
    const [model] = pipelinesFromDocument({ pipeline: api });
    expect(model.stages[2].onFailure?.conditions?.[0].rules[0].timeoutInMinutes).toBe(10);
  });

  test('a bare declaration does not read DisableInboundStageTransitions: the API has no such member', () => {
    const [model] = pipelinesFromDocument({ ...declaration(), disableInboundStageTransitions: DISABLED });
    expect(model.disabledInboundTransitions).toBeUndefined();
  });

  test('a CfnPipeline at synth: its own camelCase properties, and the rendering an override takes', () => {
    const props = { ...declaration(), disableInboundStageTransitions: DISABLED } as codepipeline.CfnPipelineProps;
    const plain = new codepipeline.CfnPipeline(stackFor(), 'Release', props);
    const overridden = new codepipeline.CfnPipeline(stackFor(), 'Release', props);
    overridden.addPropertyOverride('Name', 'Release');
    const expected = comparable(fromJson());
    expect(comparable(pipelineModelOf(plain))).toEqual(expected);
    expect(comparable(pipelineModelOf(overridden))).toEqual(expected);
    const [written] = pipelinesFromTemplate(Template.fromStack(Stack.of(plain)).toJSON());
    expect(comparable(written)).toEqual(expected);
  });
});

describe('an aws-cdk-lib Pipeline (V2) at synth', () => {
  function l2Pipeline(): codepipeline.CfnPipeline {
    const stack = stackFor();
    const source = new codepipeline.Artifact('Src');
    const sourceAction = new actions.CodeStarConnectionsSourceAction({
      actionName: 'Source',
      connectionArn: CONNECTION,
      owner: 'example-org',
      repo: 'orders',
      branch: 'main',
      output: source,
    });
    const pipeline = new codepipeline.Pipeline(stack, 'Pipeline', {
      pipelineName: 'Release',
      pipelineType: codepipeline.PipelineType.V2,
      executionMode: codepipeline.ExecutionMode.QUEUED,
      artifactBucket: s3.Bucket.fromBucketName(stack, 'Artifacts', `artifacts-${ACCOUNT}`),
      variables: [
        new codepipeline.Variable({ variableName: 'Environment', defaultValue: 'test', description: 'Where to deploy' }),
        new codepipeline.Variable({ variableName: 'Version' }),
      ],
      triggers: [{
        providerType: codepipeline.ProviderType.CODE_STAR_SOURCE_CONNECTION,
        gitConfiguration: {
          sourceAction,
          pushFilter: [
            { branchesIncludes: ['main', 'release/*'], branchesExcludes: ['wip/*'], filePathsIncludes: ['src/**'] },
            { tagsIncludes: ['v*'], tagsExcludes: ['v0*'] },
          ],
          pullRequestFilter: [{
            events: [codepipeline.GitPullRequestEvent.OPEN, codepipeline.GitPullRequestEvent.UPDATED],
            branchesIncludes: ['main'],
            filePathsExcludes: ['docs/**'],
          }],
        },
      }],
    });
    pipeline.addStage({ stageName: 'Source', actions: [sourceAction] });
    pipeline.addStage({
      stageName: 'Check',
      actions: [new actions.CommandsAction({ actionName: 'Test', input: source, commands: ['npm ci', 'npm test'], outputVariables: ['REPORT'] })],
      beforeEntry: {
        conditions: [{
          result: codepipeline.Result.FAIL,
          rules: [new codepipeline.Rule({ name: 'Window', provider: 'DeploymentWindow', version: '1', configuration: { Cron: 'cron(0 9 ? * MON-FRI *)', TimeZone: 'UTC' } })],
        }],
      },
      onFailure: { result: codepipeline.Result.RETRY, retryMode: codepipeline.RetryMode.FAILED_ACTIONS },
    });
    pipeline.addStage({
      stageName: 'Deploy',
      transitionToEnabled: false,
      transitionDisabledReason: 'Release windows only',
      actions: [new actions.ManualApprovalAction({ actionName: 'Approve' })],
      onSuccess: {
        conditions: [{
          result: codepipeline.Result.ROLLBACK,
          rules: [new codepipeline.Rule({ name: 'Alarm', provider: 'CloudWatchAlarm', version: '1', configuration: { AlarmName: 'orders-errors' } })],
        }],
      },
    });
    return pipeline.node.defaultChild as codepipeline.CfnPipeline;
  }

  test('the construct\'s model is its template\'s, with every V2 part the L2 renders', () => {
    const cfn = l2Pipeline();
    const stack = Stack.of(cfn);
    const model = pipelineModelOf(cfn);
    const [written] = pipelinesFromTemplate(Template.fromStack(stack).toJSON(), { account: ACCOUNT, region: 'us-east-1' });
    expect(comparable(model)).toEqual(comparable(written));

    expect(model).toMatchObject(EXPECTED_V2);
    expect(model.disabledInboundTransitions).toEqual(DISABLED);
    const [, check, deploy] = model.stages;
    expect(check.actions[0]).toMatchObject({ commands: ['npm ci', 'npm test'], outputVariables: ['REPORT'] });
    expect(check.beforeEntry?.conditions).toMatchObject([{
      result: 'FAIL',
      rules: [{ name: 'Window', ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' }, configuration: { Cron: 'cron(0 9 ? * MON-FRI *)', TimeZone: 'UTC' } }],
    }]);
    expect(check.onFailure).toEqual({ result: 'RETRY', retryMode: 'FAILED_ACTIONS' });
    expect(deploy.onSuccess?.conditions).toMatchObject([{ result: 'ROLLBACK', rules: [{ name: 'Alarm', ruleTypeId: { provider: 'CloudWatchAlarm' } }] }]);
    expect(model.malformed).toBeUndefined();
  });
});

describe('intrinsics in V2 parts are unresolved, in long and short forms alike', () => {
  const properties = () => ({
    Name: 'Release',
    RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
    PipelineType: 'V2',
    ExecutionMode: { Ref: 'Mode' },
    Variables: [{ Name: 'Environment', DefaultValue: { Ref: 'Env' } }, { 'Fn::If': ['Prod', { Name: 'Approver' }, { Ref: 'AWS::NoValue' }] }],
    Triggers: [{
      ProviderType: 'CodeStarSourceConnection',
      GitConfiguration: { SourceActionName: 'Source', Push: [{ Branches: { Includes: { 'Fn::Split': [',', { Ref: 'Branches' }] } } }] },
    }],
    DisableInboundStageTransitions: { 'Fn::If': ['Prod', [{ StageName: 'Deploy', Reason: 'hold' }], { Ref: 'AWS::NoValue' }] },
    Stages: [
      { Name: 'Source', Actions: [] },
      {
        Name: 'Deploy',
        Actions: [{
          Name: 'Test',
          ActionTypeId: { Category: 'Compute', Owner: 'AWS', Provider: 'Commands', Version: '1' },
          Commands: ['npm ci', { 'Fn::Sub': 'npm run deploy -- ${Env}' }],
          EnvironmentVariables: [{ Name: 'STAGE', Value: { Ref: 'Env' } }],
        }],
        BeforeEntry: { Conditions: [{ Result: 'FAIL', Rules: [{ Name: 'Alarm', RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'CloudWatchAlarm', Version: '1' }, Configuration: { AlarmName: { Ref: 'Alarm' } } }] }] },
        OnFailure: { 'Fn::If': ['Prod', { Result: 'ROLLBACK' }, { Ref: 'AWS::NoValue' }] },
        OnSuccess: { Conditions: { 'Fn::If': ['Prod', [], []] } },
      },
    ],
  });
  const yaml = `
Resources:
  Release:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: Release
      RoleArn: !GetAtt Role.Arn
      PipelineType: V2
      ExecutionMode: !Ref Mode
      Variables:
        - { Name: Environment, DefaultValue: !Ref Env }
        - !If [Prod, { Name: Approver }, !Ref AWS::NoValue]
      Triggers:
        - ProviderType: CodeStarSourceConnection
          GitConfiguration:
            SourceActionName: Source
            Push:
              - Branches: { Includes: !Split [",", !Ref Branches] }
      DisableInboundStageTransitions: !If [Prod, [{ StageName: Deploy, Reason: hold }], !Ref AWS::NoValue]
      Stages:
        - { Name: Source, Actions: [] }
        - Name: Deploy
          Actions:
            - Name: Test
              ActionTypeId: { Category: Compute, Owner: AWS, Provider: Commands, Version: '1' }
              Commands: [npm ci, !Sub 'npm run deploy -- \${Env}']
              EnvironmentVariables: [{ Name: STAGE, Value: !Ref Env }]
          BeforeEntry:
            Conditions:
              - Result: FAIL
                Rules:
                  - Name: Alarm
                    RuleTypeId: { Category: Rule, Owner: AWS, Provider: CloudWatchAlarm, Version: '1' }
                    Configuration: { AlarmName: !Ref Alarm }
          OnFailure: !If [Prod, { Result: ROLLBACK }, !Ref AWS::NoValue]
          OnSuccess: { Conditions: !If [Prod, [], []] }
`;

  test('the models are equal, and name each deploy-time part', () => {
    const fromYaml = readFile('intrinsics.yaml', yaml);
    const fromJson = readFile('intrinsics.json', JSON.stringify(template(properties())));
    expect(comparable(fromYaml)).toEqual(comparable(fromJson));
    expect(fromJson.malformed).toBeUndefined();
    expect(fromJson.unresolvedParts).toEqual([
      'stages[1].actions[0].commands',
      'stages[1].onFailure',
      'stages[1].onSuccess.conditions',
      'variables',
      'triggers[0].gitConfiguration.push[0].branches.includes',
      'disableInboundStageTransitions',
    ]);
    const ifOnFailure = { unresolved: true, expression: { 'Fn::If': ['Prod', { Result: 'ROLLBACK' }, { Ref: 'AWS::NoValue' }] } };
    expect(fromJson.executionMode).toEqual({ unresolved: true, expression: { Ref: 'Mode' } });
    expect(fromJson.variables).toEqual([{ name: 'Environment', defaultValue: { unresolved: true, expression: { Ref: 'Env' } } }]);
    expect(fromJson.triggers?.[0].push).toEqual([{ branches: { includes: [] } }]);
    expect(fromJson.disabledInboundTransitions).toEqual([]);
    const deploy = fromJson.stages[1];
    expect(deploy.actions[0].commands).toEqual(['npm ci', { unresolved: true, expression: { 'Fn::Sub': 'npm run deploy -- ${Env}' } }]);
    expect(deploy.actions[0].environmentVariables).toEqual([{ name: 'STAGE', value: { unresolved: true, expression: { Ref: 'Env' } } }]);
    expect(deploy.beforeEntry?.conditions[0].rules[0].configuration).toEqual({ AlarmName: { unresolved: true, expression: { Ref: 'Alarm' } } });
    expect(deploy.onFailure).toEqual({ result: ifOnFailure, retryMode: ifOnFailure });
    expect(deploy.onSuccess).toEqual({ conditions: [] });
  });

  test('partKnown: a member of an object behind an intrinsic is unknown; literal items of a list with one are known', () => {
    const model = readFile('intrinsics.json', JSON.stringify(template(properties())));
    expect(partKnown(model, 'stages[1].onFailure')).toBe(false);
    expect(partKnown(model, 'stages[1].onFailure.conditions')).toBe(false);
    expect(partKnown(model, 'stages[1].onSuccess.conditions')).toBe(false);
    expect(partKnown(model, 'stages[1].beforeEntry.conditions')).toBe(true);
    expect(partKnown(model, 'variables')).toBe(false);
    expect(partKnown(model, 'variables[0].name')).toBe(true);
    expect(partKnown(model, 'triggers[0].gitConfiguration.push[0].branches.includes')).toBe(false);
    expect(partKnown(model, 'triggers[0].gitConfiguration.push[0].branches.excludes')).toBe(true);
  });
});

describe('V2 parts of another shape are malformed parts, never unresolved', () => {
  type Case = [string, (p: any) => void, Omit<MalformedPart, 'got'> & { got: string }];
  const stage = (index: number) => ({ stageIndex: index });
  const action = (stageIndex: number, actionIndex: number) => ({ stageIndex, actionIndex });
  const cases: Case[] = [
    ['ExecutionMode: [QUEUED]', (p) => { p.ExecutionMode = ['QUEUED']; }, { path: 'executionMode', expected: 'text', got: 'a list of 1 item' }],
    ['Variables: "Environment"', (p) => { p.Variables = 'Environment'; }, { path: 'variables', expected: 'a list of variables, each an object with Name, DefaultValue and Description', got: 'a string ("Environment")' }],
    ['a variable that is a string', (p) => { p.Variables[1] = 'Version'; }, { path: 'variables[1]', expected: 'a variable: an object with Name, DefaultValue and Description', got: 'a string ("Version")' }],
    ['a variable Name that is an object', (p) => { p.Variables[0].Name = { foo: 1 }; }, { path: 'variables[0].name', expected: 'text', got: 'an object with key "foo"' }],
    ['Triggers: {}', (p) => { p.Triggers = {}; }, { path: 'triggers', expected: 'a list of triggers, each an object with ProviderType and GitConfiguration', got: 'an empty object' }],
    ['a trigger that is a string', (p) => { p.Triggers[0] = 'Source'; }, { path: 'triggers[0]', expected: 'a trigger: an object with ProviderType and GitConfiguration', got: 'a string ("Source")' }],
    ['GitConfiguration: "Source"', (p) => { p.Triggers[0].GitConfiguration = 'Source'; }, { path: 'triggers[0].gitConfiguration', expected: 'a Git configuration: an object with SourceActionName, Push or PullRequest', got: 'a string ("Source")' }],
    ['SourceActionName: ["Source"]', (p) => { p.Triggers[0].GitConfiguration.SourceActionName = ['Source']; }, { path: 'triggers[0].gitConfiguration.sourceActionName', expected: 'text', got: 'a list of 1 item' }],
    ['Push: {Branches…}', (p) => { p.Triggers[0].GitConfiguration.Push = p.Triggers[0].GitConfiguration.Push[0]; }, { path: 'triggers[0].gitConfiguration.push', expected: 'a list of filters, each a push filter: an object with Tags, Branches or FilePaths', got: 'an object with keys "Branches", "FilePaths"' }],
    ['a push filter that is a string', (p) => { p.Triggers[0].GitConfiguration.Push[1] = 'v*'; }, { path: 'triggers[0].gitConfiguration.push[1]', expected: 'a push filter: an object with Tags, Branches or FilePaths', got: 'a string ("v*")' }],
    ['a pull request filter that is a list', (p) => { p.Triggers[0].GitConfiguration.PullRequest[0] = ['OPEN']; }, { path: 'triggers[0].gitConfiguration.pullRequest[0]', expected: 'a pull request filter: an object with Events, Branches or FilePaths', got: 'a list of 1 item' }],
    ['Branches: [main]', (p) => { p.Triggers[0].GitConfiguration.Push[0].Branches = ['main']; }, { path: 'triggers[0].gitConfiguration.push[0].branches', expected: 'an object with Includes and Excludes, each a list of patterns', got: 'a list of 1 item' }],
    ['Includes: "main"', (p) => { p.Triggers[0].GitConfiguration.Push[0].Branches.Includes = 'main'; }, { path: 'triggers[0].gitConfiguration.push[0].branches.includes', expected: 'a list of patterns, each text', got: 'a string ("main")' }],
    ['a pattern that is an object', (p) => { p.Triggers[0].GitConfiguration.Push[1].Tags.Excludes = ['v0*', { Pattern: 'v1*' }]; }, { path: 'triggers[0].gitConfiguration.push[1].tags.excludes[1]', expected: 'a pattern: text', got: 'an object with key "Pattern"' }],
    ['Events: "OPEN"', (p) => { p.Triggers[0].GitConfiguration.PullRequest[0].Events = 'OPEN'; }, { path: 'triggers[0].gitConfiguration.pullRequest[0].events', expected: 'a list of events, each OPEN, UPDATED or CLOSED', got: 'a string ("OPEN")' }],
    ['an event that is null', (p) => { p.Triggers[0].GitConfiguration.PullRequest[0].Events = ['OPEN', null]; }, { path: 'triggers[0].gitConfiguration.pullRequest[0].events[1]', expected: 'an event: text', got: 'null' }],
    ['DisableInboundStageTransitions: "Deploy"', (p) => { p.DisableInboundStageTransitions = 'Deploy'; }, { path: 'disableInboundStageTransitions', expected: 'a list of stage transitions, each an object with StageName and Reason', got: 'a string ("Deploy")' }],
    ['a transition that is a string', (p) => { p.DisableInboundStageTransitions = ['Deploy']; }, { path: 'disableInboundStageTransitions[0]', expected: 'a stage transition: an object with StageName and Reason', got: 'a string ("Deploy")' }],
    ['a transition StageName that is a list', (p) => { p.DisableInboundStageTransitions[0].StageName = ['Deploy']; }, { path: 'disableInboundStageTransitions[0].stageName', expected: 'text', got: 'a list of 1 item' }],
    ['OnFailure: ROLLBACK', (p) => { p.Stages[2].OnFailure = 'ROLLBACK'; }, { path: 'stages[2].onFailure', ...stage(2), expected: 'failure conditions: an object with Result, RetryConfiguration or Conditions', got: 'a string ("ROLLBACK")' }],
    ['Result: [ROLLBACK]', (p) => { p.Stages[2].OnFailure.Result = ['ROLLBACK']; }, { path: 'stages[2].onFailure.result', ...stage(2), expected: 'text', got: 'a list of 1 item' }],
    ['RetryConfiguration: FAILED_ACTIONS', (p) => { p.Stages[1].OnFailure.RetryConfiguration = 'FAILED_ACTIONS'; }, { path: 'stages[1].onFailure.retryConfiguration', ...stage(1), expected: 'a retry configuration: an object with RetryMode', got: 'a string ("FAILED_ACTIONS")' }],
    ['RetryMode: {}', (p) => { p.Stages[1].OnFailure.RetryConfiguration.RetryMode = {}; }, { path: 'stages[1].onFailure.retryConfiguration.retryMode', ...stage(1), expected: 'text', got: 'an empty object' }],
    ['BeforeEntry: [..]', (p) => { p.Stages[1].BeforeEntry = p.Stages[1].BeforeEntry.Conditions; }, { path: 'stages[1].beforeEntry', ...stage(1), expected: 'stage conditions: an object with Conditions', got: 'a list of 1 item' }],
    ['Conditions: {Result…}', (p) => { p.Stages[2].OnSuccess.Conditions = p.Stages[2].OnSuccess.Conditions[0]; }, { path: 'stages[2].onSuccess.conditions', ...stage(2), expected: 'a list of conditions, each an object with Result and Rules', got: 'an object with keys "Result", "Rules"' }],
    ['a condition that is a string', (p) => { p.Stages[2].OnFailure.Conditions = ['FAIL']; }, { path: 'stages[2].onFailure.conditions[0]', ...stage(2), expected: 'a condition: an object with Result and Rules', got: 'a string ("FAIL")' }],
    ['Rules: Alarm', (p) => { p.Stages[2].OnSuccess.Conditions[0].Rules = 'Alarm'; }, { path: 'stages[2].onSuccess.conditions[0].rules', ...stage(2), expected: 'a list of rules, each an object with Name and RuleTypeId', got: 'a string ("Alarm")' }],
    ['a rule that is a number', (p) => { p.Stages[1].BeforeEntry.Conditions[0].Rules[0] = 5; }, { path: 'stages[1].beforeEntry.conditions[0].rules[0]', ...stage(1), expected: 'a rule: an object with Name and RuleTypeId', got: 'a number (5)' }],
    ['RuleTypeId: CloudWatchAlarm', (p) => { p.Stages[2].OnSuccess.Conditions[0].Rules[0].RuleTypeId = 'CloudWatchAlarm'; }, { path: 'stages[2].onSuccess.conditions[0].rules[0].ruleTypeId', ...stage(2), expected: 'an object with Category, Owner, Provider and Version', got: 'a string ("CloudWatchAlarm")' }],
    ['a rule Provider that is a list', (p) => { p.Stages[2].OnSuccess.Conditions[0].Rules[0].RuleTypeId.Provider = ['CloudWatchAlarm']; }, { path: 'stages[2].onSuccess.conditions[0].rules[0].ruleTypeId.provider', ...stage(2), expected: 'text', got: 'a list of 1 item' }],
    ['a rule Configuration that is a list', (p) => { p.Stages[2].OnSuccess.Conditions[0].Rules[0].Configuration = ['AlarmName']; }, { path: 'stages[2].onSuccess.conditions[0].rules[0].configuration', ...stage(2), expected: 'an object of configuration keys and text values', got: 'a list of 1 item' }],
    ['a rule configuration value that is an object', (p) => { p.Stages[2].OnSuccess.Conditions[0].Rules[0].Configuration.AlarmName = { Name: 'x' }; }, { path: 'stages[2].onSuccess.conditions[0].rules[0].configuration.AlarmName', ...stage(2), expected: 'text', got: 'an object with key "Name"' }],
    ['rule Commands: "curl"', (p) => { p.Stages[2].OnFailure.Conditions[0].Rules[0].Commands = 'curl'; }, { path: 'stages[2].onFailure.conditions[0].rules[0].commands', ...stage(2), expected: 'a list of commands, each text', got: 'a string ("curl")' }],
    ['rule InputArtifacts: Src', (p) => { p.Stages[2].OnFailure.Conditions[0].Rules[0].InputArtifacts = 'Src'; }, { path: 'stages[2].onFailure.conditions[0].rules[0].inputArtifacts', ...stage(2), expected: 'a list of artifacts, each an object with Name', got: 'a string ("Src")' }],
    ['rule TimeoutInMinutes: [10]', (p) => { p.Stages[2].OnFailure.Conditions[0].Rules[0].TimeoutInMinutes = [10]; }, { path: 'stages[2].onFailure.conditions[0].rules[0].timeoutInMinutes', ...stage(2), expected: 'a whole number', got: 'a list of 1 item' }],
    ['Commands: "npm test"', (p) => { p.Stages[1].Actions[0].Commands = 'npm test'; }, { path: 'stages[1].actions[0].commands', ...action(1, 0), expected: 'a list of commands, each text', got: 'a string ("npm test")' }],
    ['a command that is a list', (p) => { p.Stages[1].Actions[0].Commands = ['npm ci', ['npm', 'test']]; }, { path: 'stages[1].actions[0].commands[1]', ...action(1, 0), expected: 'a command: text', got: 'a list of 2 items' }],
    ['OutputVariables: REPORT', (p) => { p.Stages[1].Actions[0].OutputVariables = 'REPORT'; }, { path: 'stages[1].actions[0].outputVariables', ...action(1, 0), expected: 'a list of variable names, each text', got: 'a string ("REPORT")' }],
    ['EnvironmentVariables: {STAGE: test}', (p) => { p.Stages[1].Actions[0].EnvironmentVariables = { STAGE: 'test' }; }, { path: 'stages[1].actions[0].environmentVariables', ...action(1, 0), expected: 'a list of environment variables, each an object with Name and Value', got: 'an object with key "STAGE"' }],
    ['an environment variable that is a string', (p) => { p.Stages[1].Actions[0].EnvironmentVariables = ['STAGE=test']; }, { path: 'stages[1].actions[0].environmentVariables[0]', ...action(1, 0), expected: 'an environment variable: an object with Name and Value', got: 'a string ("STAGE=test")' }],
    ['an environment variable Value that is an object', (p) => { p.Stages[1].Actions[0].EnvironmentVariables[0].Value = { Env: 'test' }; }, { path: 'stages[1].actions[0].environmentVariables[0].value', ...action(1, 0), expected: 'text', got: 'an object with key "Env"' }],
  ];

  test.each(cases)('%s', (_name, change, part) => {
    const properties = pascal({ ...declaration(), disableInboundStageTransitions: DISABLED }) as any;
    change(properties);
    const [model] = pipelinesFromTemplate(template(properties));
    expect(model.malformed).toEqual([part]);
    expect(model.unresolvedParts).toBeUndefined();
    expect(partKnown(model, part.path)).toBe(false);
  });

  test('the same mistakes in get-pipeline\'s camelCase are the same parts', () => {
    const api = declaration();
    api.stages[1].actions[0].commands = 'npm test';
    api.triggers[0].gitConfiguration.push[0].branches = ['main'];
    api.stages[2].onSuccess.conditions[0].rules[0].configuration.AlarmName = { Name: 'x' };
    const [model] = pipelinesFromDocument({ pipeline: api });
    expect(model.malformed?.map((part) => part.path)).toEqual([
      'stages[1].actions[0].commands',
      'stages[2].onSuccess.conditions[0].rules[0].configuration.AlarmName',
      'triggers[0].gitConfiguration.push[0].branches',
    ]);
  });

  test('a malformed part stands in its list, so that counts stay right, with its members unknown', () => {
    const properties = pascal(declaration()) as any;
    properties.Variables[1] = 'Version';
    properties.Triggers[0].GitConfiguration = 'Source';
    properties.Stages[2].OnFailure = 'ROLLBACK';
    properties.Stages[1].BeforeEntry = [];
    const [model] = pipelinesFromTemplate(template(properties));
    expect(model.variables?.[1]).toEqual({ name: { malformed: true, value: 'Version' } });
    expect(model.triggers).toEqual([{ providerType: 'CodeStarSourceConnection', sourceActionName: { malformed: true, value: 'Source' } }]);
    expect(model.stages[2].onFailure).toEqual({ result: { malformed: true, value: 'ROLLBACK' }, retryMode: { malformed: true, value: 'ROLLBACK' } });
    expect(model.stages[1].beforeEntry).toEqual({ conditions: [] });
    expect(partKnown(model, 'stages[1].beforeEntry.conditions')).toBe(false);
  });
});
