import { ActionModel, ActionTypeId } from '../../lib/model/pipeline-model';
import { requiredConfiguration } from '../../lib/rules/required-configuration';
import { ActionProps, approval, cfnDeploy, check, codeBuild, finding, pipeline, ref, s3Source, stage } from './builder';

const PAGE = (title: string) => `CodePipeline user guide, ${title}`;

/** An AWS action of `category/provider` with the configuration given (nothing else is set). */
function aws(category: string, provider: string, configuration: ActionModel['configuration'], props: Partial<ActionModel> = {}): ActionModel {
  const type: ActionTypeId = { category, owner: 'AWS', provider, version: '1' };
  return { name: 'Act', actionTypeId: type, configuration, inputArtifacts: [], outputArtifacts: [], ...props };
}
/** A pipeline whose source stage or second stage holds `action`. */
const holding = (action: ActionModel) => action.actionTypeId.category === 'Source'
  ? pipeline({ stages: [stage('Source', action), stage('Release', approval())] })
  : pipeline({ stages: [stage('Source', s3Source()), stage('Release', action)] });
const findings = (action: ActionModel) => check(holding(action), requiredConfiguration);
const at = (category: string) => ({ stage: category === 'Source' ? 'Source' : 'Release', action: 'Act' });

/** Every provider the rule knows: its complete configuration and the page that requires it. */
const PROVIDERS: Array<[string, string, Record<string, string>, string]> = [
  ['Source', 'S3', { S3Bucket: 'b', S3ObjectKey: 'app.zip' }, 'Amazon S3 source action reference'],
  ['Source', 'CodeCommit', { RepositoryName: 'r', BranchName: 'main' }, 'CodeCommit source action reference'],
  ['Source', 'CodeStarSourceConnection', { ConnectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/x', FullRepositoryId: 'o/r', BranchName: 'main' },
    'CodeStarSourceConnection for Bitbucket Cloud, GitHub, GitHub Enterprise Server, GitLab.com, and GitLab self-managed actions'],
  ['Source', 'ECR', { RepositoryName: 'r' }, 'Amazon ECR source action reference'],
  ['Build', 'CodeBuild', { ProjectName: 'p' }, 'AWS CodeBuild build and test action reference'],
  ['Test', 'CodeBuild', { ProjectName: 'p' }, 'AWS CodeBuild build and test action reference'],
  ['Deploy', 'S3', { BucketName: 'b', Extract: 'true' }, 'Amazon S3 deploy action reference'],
  ['Deploy', 'CodeDeploy', { ApplicationName: 'a', DeploymentGroupName: 'g' }, 'AWS CodeDeploy deploy action reference'],
  ['Deploy', 'ECS', { ClusterName: 'c', ServiceName: 's' }, 'Amazon Elastic Container Service deploy action reference'],
  ['Deploy', 'CodeDeployToECS', { ApplicationName: 'a', DeploymentGroupName: 'g', TaskDefinitionTemplateArtifact: 'Src', AppSpecTemplateArtifact: 'Src' },
    'Amazon Elastic Container Service and CodeDeploy blue-green deploy action reference'],
  ['Deploy', 'ElasticBeanstalk', { ApplicationName: 'a', EnvironmentName: 'e' }, 'Elastic Beanstalk deploy action reference'],
  ['Deploy', 'AppConfig', { Application: 'a', Environment: 'e', ConfigurationProfile: 'p', InputArtifactConfigurationPath: '/' }, 'AWS AppConfig deploy action reference'],
  ['Invoke', 'Lambda', { FunctionName: 'f' }, 'AWS Lambda invoke action reference'],
  ['Invoke', 'StepFunctions', { StateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:m' }, 'AWS Step Functions invoke action reference'],
];

describe('required-configuration', () => {
  test.each(PROVIDERS)('%s %s: every required key present passes; each one missing is an error citing its page', (category, provider, complete, page) => {
    expect(findings(aws(category, provider, complete))).toEqual([]);
    for (const key of Object.keys(complete)) {
      const { [key]: _left, ...rest } = complete;
      expect(findings(aws(category, provider, rest))).toEqual([
        finding('required-configuration', at(category), `the ${provider} ${category} action has no ${key} (${PAGE(page)}). Fix: set ${key} in the action's configuration.`),
      ]);
    }
  });

  test('several missing keys are one finding naming them all', () => {
    expect(findings(aws('Source', 'CodeStarSourceConnection', { BranchName: 'main' }))).toEqual([
      finding('required-configuration', at('Source'), `the CodeStarSourceConnection Source action has no ConnectionArn, FullRepositoryId (${PAGE(PROVIDERS[2][3])}). Fix: set ConnectionArn, FullRepositoryId in the action's configuration.`),
    ]);
  });

  test('an S3 deploy with Extract false needs ObjectKey; with Extract true it does not', () => {
    const page = PAGE('Amazon S3 deploy action reference');
    expect(findings(aws('Deploy', 'S3', { BucketName: 'b', Extract: 'false' }))).toEqual([
      finding('required-configuration', at('Deploy'), `the S3 Deploy action has no ObjectKey (required when Extract is false) (${page}). Fix: set ObjectKey in the action's configuration.`),
    ]);
    expect(findings(aws('Deploy', 'S3', { BucketName: 'b', Extract: false }))).toHaveLength(1);
    expect(findings(aws('Deploy', 'S3', { BucketName: 'b', Extract: 'false', ObjectKey: 'site.zip' }))).toEqual([]);
    expect(findings(aws('Deploy', 'S3', { BucketName: 'b', Extract: ref('Extract') }))).toEqual([]);
  });

  test('a present key counts whatever its value: empty is configuration-lengths\' finding, an intrinsic is unknown', () => {
    expect(findings(aws('Build', 'CodeBuild', { ProjectName: '' }))).toEqual([]);
    expect(findings(aws('Build', 'CodeBuild', { ProjectName: ref('Project') }))).toEqual([]);
  });

  test('a configuration only known at deploy time, and unknown types, are skipped', () => {
    const model = holding(aws('Build', 'CodeBuild', {}));
    expect(check({ ...model, unresolvedParts: ['stages[1].actions[0].configuration'] }, requiredConfiguration)).toEqual([]);
    expect(findings(aws('Build', 'CodeBuild', {}, { actionTypeId: { category: 'Build', owner: 'AWS', provider: ref('Provider'), version: '1' } }))).toEqual([]);
  });

  test('ThirdParty and Custom owners, CloudFormation, Commands and manual approvals are not this rule\'s', () => {
    expect(findings(aws('Build', 'CodeBuild', {}, { actionTypeId: { category: 'Build', owner: 'Custom', provider: 'CodeBuild', version: '1' } }))).toEqual([]);
    expect(findings(aws('Source', 'GitHub', {}, { actionTypeId: { category: 'Source', owner: 'ThirdParty', provider: 'GitHub', version: '1' } }))).toEqual([]);
    const props: ActionProps = { configuration: { StackName: undefined, ActionMode: undefined } };
    expect(check(pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', props))] }), requiredConfiguration)).toEqual([]);
    expect(findings(aws('Compute', 'Commands', {}, { commands: ['npm test'] }))).toEqual([]);
    expect(findings(aws('Approval', 'Manual', {}))).toEqual([]);
  });

  test('the builder\'s defaults carry their required keys', () => {
    expect(check(pipeline({ stages: [stage('Source', s3Source()), stage('Build', codeBuild())] }), requiredConfiguration)).toEqual([]);
  });
});
