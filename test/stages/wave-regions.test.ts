import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget, PipelineIdentity, RegionalArtifactStore } from '../../lib/cross-account';
import { ChangeSetStage } from '../../lib/stages';
import { pipelineStack, release, PIPELINE_ACCOUNT, REGION } from './fixtures';

const ACCOUNT_A = '222222222222';
const ACCOUNT_B = '333333333333';
const OTHER_REGION = 'eu-west-1';

function actionsOf(stack: Stack, stageName: string): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.find((s: any) => s.Name === stageName).Actions;
}

function target(app: App, identity: PipelineIdentity, id: string, account: string, region?: string): DeploymentTarget {
  return new DeploymentTarget(app, id, {
    identity, account, region,
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['*'] })],
  });
}

const identity = () => new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });

describe('a wave across accounts and regions', () => {
  test('2 accounts × 2 regions: 4 change sets at run order 1, one approval naming all 4 with account and region, 4 executes at run order 3', () => {
    const { app, stack, source } = pipelineStack();
    const id = identity();
    const wave = [
      target(app, id, 'ProdA', ACCOUNT_A),
      target(app, id, 'ProdAEu', ACCOUNT_A, OTHER_REGION),
      target(app, id, 'ProdB', ACCOUNT_B),
      target(app, id, 'ProdBEu', ACCOUNT_B, OTHER_REGION),
    ];
    const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity: id, region: OTHER_REGION });
    const stage = new ChangeSetStage({ stackName: 'App', changeSetName: 'Release', templatePath: 'app.yaml', targets: wave });
    release(stack, source, [stage], { regionalArtifactStores: [euStore] });

    const role = (account: string, name: string, region: string) => `arn:aws:iam::${account}:role/release-${name}${region === REGION ? '' : `-${region}`}`;
    const places = [[ACCOUNT_A, REGION], [ACCOUNT_A, OTHER_REGION], [ACCOUNT_B, REGION], [ACCOUNT_B, OTHER_REGION]];
    const inRegion = (region: string) => (region === REGION ? {} : { Region: region });
    const creates = places.map(([account, region]) => ({
      Name: `CreateChangeSet-${account}-${region}`, RunOrder: 1, RoleArn: role(account, 'deploy-action', region), ...inRegion(region),
      Configuration: { ActionMode: 'CHANGE_SET_REPLACE', StackName: 'App', ChangeSetName: 'Release', TemplatePath: 'TemplateSource::app.yaml', RoleArn: role(account, 'cfn-execution', region) },
    }));
    const approval = {
      Name: 'ApproveChangeSet', RunOrder: 2,
      Configuration: {
        ExternalEntityLink: 'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/changesets/changes?stackId=App&changeSetId=Release',
        CustomData: 'Review 4 change sets: '
          + `change set Release of stack App (account ${ACCOUNT_A}, us-east-1); change set Release of stack App (account ${ACCOUNT_A}, eu-west-1); `
          + `change set Release of stack App (account ${ACCOUNT_B}, us-east-1); change set Release of stack App (account ${ACCOUNT_B}, eu-west-1). `
          + 'Approve to execute exactly these change sets and continue the release; reject to stop the release without changing the stacks. The review link opens the first.',
      },
    };
    const executes = places.map(([account, region]) => ({
      Name: `ExecuteChangeSet-${account}-${region}`, RunOrder: 3, RoleArn: role(account, 'deploy-action', region), ...inRegion(region),
      Configuration: { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'App', ChangeSetName: 'Release' },
    }));
    const shown = actionsOf(stack, 'ProdStage').map(({ Name, RunOrder, RoleArn, Region, Configuration }: any) => ({
      Name, RunOrder, Configuration, ...(RoleArn ? { RoleArn } : {}), ...(Region ? { Region } : {}),
    }));
    expect(shown).toEqual([...creates, approval, ...executes]);
    for (const each of wave) expect(each.changeSetNames('App')).toEqual(['Release']);
    expect(stage.target).toBeUndefined();
    expect(stage.targets).toEqual(wave);
  });
});
