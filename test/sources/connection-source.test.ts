import { Fn } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ReleaseSource } from '../../lib/sources';
import { TestStackStage } from '../../lib/stages';
import { pipelineStack, release } from '../stages/fixtures';

/** The statements of the pipeline role's policy that name the connection. */
function connectionStatements(connectionArn: string): unknown[] {
  const { stack, executionRole } = pipelineStack();
  release(stack, ReleaseSource.connection({ connectionArn, owner: 'octo', repo: 'templates', branch: 'main' }),
    [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  const resolvedArn = JSON.stringify(stack.resolve(connectionArn));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s: any) => JSON.stringify(s.Resource) === resolvedArn);
}

describe('ReleaseSource.connection grants the UseConnection action of the ARN\'s service', () => {
  test('a codeconnections ARN: codeconnections:UseConnection', () => {
    const arn = 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc';
    expect(connectionStatements(arn)).toEqual([{ Effect: 'Allow', Action: 'codeconnections:UseConnection', Resource: arn }]);
  });

  test('a codestar-connections ARN: codestar-connections:UseConnection', () => {
    const arn = 'arn:aws:codestar-connections:us-east-1:111111111111:connection/abc';
    expect(connectionStatements(arn)).toEqual([{ Effect: 'Allow', Action: 'codestar-connections:UseConnection', Resource: arn }]);
  });

  test('an ARN known only at deploy time: both', () => {
    const arn = Fn.importValue('GitHubConnectionArn');
    expect(connectionStatements(arn)).toEqual([{
      Effect: 'Allow',
      Action: ['codestar-connections:UseConnection', 'codeconnections:UseConnection'],
      Resource: { 'Fn::ImportValue': 'GitHubConnectionArn' },
    }]);
  });

  test('the action is aws-cdk-lib\'s connection source: same configuration', () => {
    const { stack, executionRole } = pipelineStack();
    const arn = 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc';
    release(stack, ReleaseSource.connection({ connectionArn: arn, owner: 'octo', repo: 'templates' }),
      [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
    const [action] = pipeline.Properties.Stages[0].Actions;
    expect([action.ActionTypeId, action.Configuration]).toEqual([
      { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
      { ConnectionArn: arn, FullRepositoryId: 'octo/templates', BranchName: 'master' },
    ]);
  });
});
