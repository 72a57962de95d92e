import { ActionModel, PipelineModel, RuleModel } from '../../lib/model/pipeline-model';
import { unresolved } from '../../lib/model/values';

/** A CloudFormation deploy action as the walkthrough pipeline declares them. */
export function cloudFormationAction(
  name: string,
  runOrder: number,
  configuration: Record<string, string>,
  extra: Partial<ActionModel> = {},
): ActionModel {
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
    runOrder,
    configuration,
    inputArtifacts: [],
    outputArtifacts: [],
    ...extra,
  };
}

export function approvalAction(name: string, runOrder: number): ActionModel {
  return {
    name,
    actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
    runOrder,
    configuration: {},
    inputArtifacts: [],
    outputArtifacts: [],
  };
}

/**
 * The release process of AWS's CloudFormation walkthrough (test stack → approve → delete; change set →
 * approve → execute), with the test and production stacks in other accounts and a parallel build.
 */
export function releasePipeline(): PipelineModel {
  const testRole = 'arn:aws:iam::222222222222:role/pipeline-deploy-test';
  const prodRole = unresolved({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:role/pipeline-deploy-prod']] });
  return {
    name: 'Release',
    roleArn: unresolved({ 'Fn::GetAtt': ['PipelineRoleD68726F7', 'Arn'] }),
    artifactStore: {
      type: 'S3',
      location: unresolved({ Ref: 'ArtifactsBucket2AAC5544' }),
      encryptionKey: { id: unresolved({ 'Fn::GetAtt': ['ArtifactsKey9D9F0C64', 'Arn'] }), type: 'KMS' },
    },
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
            configuration: { S3Bucket: unresolved({ Ref: 'SourceBucketDDD2130A' }), S3ObjectKey: 'wordpress-single-instance.zip', PollForSourceChanges: false },
            inputArtifacts: [],
            outputArtifacts: [{ name: 'TemplateSource' }],
          },
        ],
      },
      {
        name: 'Check',
        actions: [
          {
            name: 'Lint',
            actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            runOrder: 1,
            configuration: { ProjectName: unresolved({ Ref: 'LintProject1A2B3C4D' }) },
            inputArtifacts: [{ name: 'TemplateSource' }],
            outputArtifacts: [],
          },
          {
            name: 'UnitTests',
            actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            runOrder: 1,
            configuration: { ProjectName: 'unit-tests' },
            inputArtifacts: [{ name: 'TemplateSource' }],
            outputArtifacts: [],
          },
        ],
      },
      {
        name: 'TestStage',
        actions: [
          cloudFormationAction(
            'CreateStack',
            1,
            {
              ActionMode: 'REPLACE_ON_FAILURE',
              StackName: 'test-stack',
              TemplatePath: 'TemplateSource::wordpress-single-instance.yaml',
              TemplateConfiguration: 'TemplateSource::test-stack-configuration.json',
              RoleArn: 'arn:aws:iam::222222222222:role/cfn-deploy-test',
            },
            { roleArn: testRole, region: 'us-east-1', inputArtifacts: [{ name: 'TemplateSource' }] },
          ),
          approvalAction('ApproveTestStack', 2),
          cloudFormationAction('DeleteTestStack', 3, { ActionMode: 'DELETE_ONLY', StackName: 'test-stack', RoleArn: 'arn:aws:iam::222222222222:role/cfn-deploy-test' }, { roleArn: testRole, region: 'us-east-1' }),
        ],
      },
      {
        name: 'ProdStage',
        actions: [
          cloudFormationAction(
            'CreateChangeSet',
            1,
            {
              ActionMode: 'CHANGE_SET_REPLACE',
              StackName: 'prod-stack',
              ChangeSetName: 'prod-stack-changeset',
              TemplatePath: 'TemplateSource::wordpress-single-instance.yaml',
              RoleArn: 'arn:aws:iam::333333333333:role/cfn-deploy-prod',
            },
            { roleArn: prodRole, inputArtifacts: [{ name: 'TemplateSource' }] },
          ),
          approvalAction('ApproveChangeSet', 2),
          cloudFormationAction(
            'ExecuteChangeSet',
            3,
            { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'prod-stack', ChangeSetName: 'prod-stack-changeset' },
            { roleArn: prodRole },
          ),
        ],
      },
    ],
    context: { account: '111111111111', region: 'us-east-1' },
    origin: {},
  };
}

/** A rule of a stage condition. */
export function ruleOf(name: string, provider: string, configuration: Record<string, string>, extra: Partial<RuleModel> = {}): RuleModel {
  return { name, ruleTypeId: { category: 'Rule', owner: 'AWS', provider, version: '1' }, configuration, inputArtifacts: [], ...extra };
}

/**
 * A V2 pipeline with every part V2 adds: QUEUED, variables, a trigger with push and pull-request
 * filters, a disabled transition, a Commands action, and a production stage that enters only inside a
 * deployment window, rolls back on failure and watches an alarm after it succeeds.
 */
export function v2Pipeline(): PipelineModel {
  return {
    name: 'Release',
    pipelineType: 'V2',
    executionMode: 'QUEUED',
    variables: [{ name: 'Env', defaultValue: 'test', description: 'the target environment' }, { name: 'Version' }],
    triggers: [
      {
        providerType: 'CodeStarSourceConnection',
        sourceActionName: 'Source',
        push: [{ branches: { includes: ['main', 'release/*'] }, filePaths: { excludes: ['docs/**'] } }, { tags: { includes: ['v*'] } }],
        pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] } }],
      },
    ],
    disabledInboundTransitions: [{ stageName: 'Prod', reason: 'Change freeze' }],
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
            configuration: { ConnectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc', FullRepositoryId: 'octo/app', BranchName: 'main' },
            inputArtifacts: [],
            outputArtifacts: [{ name: 'Src' }],
          },
        ],
      },
      {
        name: 'Check',
        onFailure: { result: 'RETRY', retryMode: 'FAILED_ACTIONS' },
        actions: [
          {
            name: 'Test',
            actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1' },
            configuration: {},
            inputArtifacts: [{ name: 'Src' }],
            outputArtifacts: [],
            namespace: 'TestVars',
            commands: ['npm ci', 'npm test', 'npm run lint', 'echo "REPORT=ok"'],
            outputVariables: ['REPORT'],
            environmentVariables: [{ name: 'STAGE', value: '#{variables.Env}' }, { name: 'API_TOKEN', value: 'tok' }],
          },
        ],
      },
      {
        name: 'Prod',
        onFailure: { result: 'ROLLBACK' },
        beforeEntry: {
          conditions: [{ result: 'FAIL', rules: [ruleOf('Window', 'DeploymentWindow', { Cron: '0 9 ? * MON-FRI *', TimeZone: 'Europe/Berlin' })] }],
        },
        onSuccess: {
          conditions: [
            {
              result: 'ROLLBACK',
              rules: [
                ruleOf('Errors', 'CloudWatchAlarm', { AlarmName: 'orders-errors', WaitTime: '30' }),
                ruleOf('Smoke', 'Commands', {}, {
                  commands: ['curl -f https://example.com/health'],
                  inputArtifacts: [{ name: 'Src' }],
                  roleArn: 'arn:aws:iam::111111111111:role/smoke',
                  region: 'eu-west-1',
                  timeoutInMinutes: 10,
                }),
              ],
            },
          ],
        },
        actions: [cloudFormationAction('Deploy', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'prod' }, { inputArtifacts: [{ name: 'Src' }] })],
      },
    ],
    context: {},
    origin: {},
  };
}
