import { ActionModel, PipelineModel } from '../../lib/model/pipeline-model';
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
