import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { multiAccountExample } from '../../examples/multi-account';
import { withBuiltinValidation } from '../helpers/validation';

const PROPS = {
  pipelineAccount: '111111111111', devAccount: '444444444444', qaAccount: '222222222222', prodAccount: '333333333333',
  region: 'us-east-1', connectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc', repository: 'example-org/orders-service',
};

describe('multi-account example', () => {
  test('dev → QA → prod, an approved change set in each account, store created for the targets', () => {
    const example = multiAccountExample(new App(), PROPS);
    const [pipeline] = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::CodePipeline::Pipeline')) as any[];
    const stages = pipeline.Properties.Stages;
    expect(stages.map((s: any) => s.Name)).toEqual(['Source', 'Dev', 'QA', 'Prod']);
    expect(stages[0].Actions[0].Configuration).toMatchObject({ ConnectionArn: PROPS.connectionArn, FullRepositoryId: 'example-org/orders-service', BranchName: 'main' });
    const accounts = ['444444444444', '222222222222', '333333333333'];
    stages.slice(1).forEach((stage: any, i: number) => {
      expect(stage.Actions.map((a: any) => [a.Name, a.RunOrder])).toEqual([['CreateChangeSet', 1], ['ApproveChangeSet', 2], ['ExecuteChangeSet', 3]]);
      expect(stage.Actions[0].RoleArn).toBe(`arn:aws:iam::${accounts[i]}:role/orders-deploy-action`);
    });
    expect(example.release.artifactStore?.targets).toEqual(example.targets);
  });

  test('synthesizes with the built-in CloudFormation validator', () => {
    withBuiltinValidation(() => {
      const app = new App();
      multiAccountExample(app, PROPS);
      expect(app.synth().stacks.map((s) => s.stackName).sort()).toEqual(['OrdersDevTarget', 'OrdersPipeline', 'OrdersProdTarget', 'OrdersQATarget']);
    });
  });
});
