import { App, Stack } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { PipelineChecks } from '../../lib/checks';
import { DeploymentTarget } from '../../lib/cross-account/deployment-target';
import { PipelineIdentity } from '../../lib/cross-account/pipeline-identity';
import { deploymentTargetRoles } from '../../lib/model/deployment-target-roles';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'release' });

/** A stack of a deployment target's shape in another region (found by shape, as another copy of the library's would be). */
class RegionalTarget extends Stack {
  public readonly identity = identity;
  public readonly actionRole: iam.IRole;
  public readonly executionRole: iam.IRole;
  constructor(scope: App, id: string, region: string) {
    super(scope, id, { env: { account: '333333333333', region } });
    this.actionRole = iam.Role.fromRoleArn(this, 'Action', `arn:aws:iam::333333333333:role/release-deploy-action-${region}`, { mutable: false });
    this.executionRole = iam.Role.fromRoleArn(this, 'Execution', `arn:aws:iam::333333333333:role/release-cfn-execution-${region}`, { mutable: false });
  }
}

function app(): { app: App; prod: DeploymentTarget; europe: RegionalTarget; pipelineStack: Stack } {
  const root = new App();
  const prod = new DeploymentTarget(root, 'Prod', { identity, account: '333333333333', administratorAccess: true });
  prod.allowStack('app');
  const europe = new RegionalTarget(root, 'ProdEurope', 'eu-west-1');
  const pipelineStack = new Stack(root, 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
  return { app: root, prod, europe, pipelineStack };
}

function pipelineIn(stack: Stack, roles: { action: string; stack: string }): void {
  // The pipeline region's key by key ARN, the other region's by alias ARN, as the regional stores name them.
  const keys: Record<string, string> = {
    'us-east-1': 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    'eu-west-1': 'arn:aws:kms:eu-west-1:111111111111:alias/release-artifacts',
  };
  const store = (region: string) => ({
    region,
    artifactStore: { type: 'S3', location: `release-artifacts-111111111111-${region}`, encryptionKey: { type: 'KMS', id: keys[region] } },
  });
  new CfnPipeline(stack, 'Pipeline', {
    name: 'Release',
    roleArn: 'arn:aws:iam::111111111111:role/release-pipeline',
    artifactStores: [store('us-east-1'), store('eu-west-1')],
    stages: [
      { name: 'Source', actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'source', S3ObjectKey: 'app.zip' }, outputArtifacts: [{ name: 'Source' }] }] },
      {
        name: 'Deploy',
        actions: [{
          name: 'DeployEurope',
          region: 'eu-west-1',
          roleArn: roles.action,
          actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
          configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: 'Source::app.yaml', RoleArn: roles.stack },
          inputArtifacts: [{ name: 'Source' }],
        }],
      },
    ],
  });
}

test('every deployment target of the app gives its two roles with its region', () => {
  const { prod, europe, pipelineStack } = app();
  expect(deploymentTargetRoles(pipelineStack)).toEqual({
    [prod.actionRole.roleArn]: { regions: ['us-east-1'], definedBy: 'Prod' },
    [prod.executionRole.roleArn]: { regions: ['us-east-1'], definedBy: 'Prod' },
    [europe.actionRole.roleArn]: { regions: ['eu-west-1'], definedBy: 'ProdEurope' },
    [europe.executionRole.roleArn]: { regions: ['eu-west-1'], definedBy: 'ProdEurope' },
  });
});

test('an app without deployment targets has no role facts', () => {
  const root = new App();
  expect(deploymentTargetRoles(new Stack(root, 'Alone'))).toBeUndefined();
});

test('synth fails on an action in eu-west-1 that assumes the us-east-1 target\'s role', () => {
  const { app: root, prod, pipelineStack } = app();
  pipelineIn(pipelineStack, { action: prod.actionRole.roleArn, stack: prod.executionRole.roleArn });
  PipelineChecks.of(root);
  expect(() => root.synth()).toThrow(
    `[action-role-region] stage "Deploy", action "DeployEurope": the action runs in eu-west-1, but its role arn:aws:iam::333333333333:role/release-deploy-action is Prod's, made for us-east-1; ` +
      'and its stack role (RoleArn) arn:aws:iam::333333333333:role/release-cfn-execution is Prod\'s, made for us-east-1: its permissions do not reach eu-west-1 ' +
      '(CodePipeline user guide, Add a cross-Region action in CodePipeline). Fix: use the roles of a DeploymentTarget with region: \'eu-west-1\' for this action, or run the action in the region its roles were made for.',
  );
});

test('synth passes with the eu-west-1 target\'s roles', () => {
  const { app: root, europe, pipelineStack } = app();
  pipelineIn(pipelineStack, { action: europe.actionRole.roleArn, stack: europe.executionRole.roleArn });
  PipelineChecks.of(root);
  const assembly = root.synth();
  const stack = assembly.getStackArtifact(pipelineStack.artifactId);
  // The check ran on this very action (its roles are the eu-west-1 target's) and reported nothing.
  const pipeline = Object.values(stack.template.Resources as Record<string, any>).find((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  expect(pipeline.Properties.Stages[1].Actions[0]).toMatchObject({ Name: 'DeployEurope', Region: 'eu-west-1', RoleArn: europe.actionRole.roleArn });
  expect(stack.messages).toEqual([]);
});
