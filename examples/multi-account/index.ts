import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage } from '../../lib/stages';

/** The accounts, region and repository the multi-account example deploys with. */
export interface MultiAccountExampleProps {
  readonly pipelineAccount: string;
  readonly devAccount: string;
  readonly qaAccount: string;
  readonly prodAccount: string;
  readonly region: string;
  /** The CodeStar connection to the repository holding ./source. */
  readonly connectionArn: string;
  /** `owner/repo` of that repository. */
  readonly repository: string;
}

/** What the example built, for tests. */
export interface MultiAccountExample {
  readonly pipelineStack: Stack;
  readonly targets: DeploymentTarget[];
  readonly release: ReleasePipeline;
}

const ENVIRONMENTS = [
  { name: 'dev', stage: 'Dev' },
  { name: 'qa', stage: 'QA' },
  { name: 'prod', stage: 'Prod' },
] as const;

/**
 * dev → QA → prod, one account each, from a GitHub repository: every environment gets a change set
 * that a person approves before it is executed, so nothing reaches an account unreviewed. The
 * artifact store (a CrossAccountArtifactStore) is created by the pipeline for the targets' identity.
 */
export function multiAccountExample(app: App, props: MultiAccountExampleProps): MultiAccountExample {
  const identity = new PipelineIdentity({ pipelineAccount: props.pipelineAccount, region: props.region, name: 'orders' });
  const accounts = { dev: props.devAccount, qa: props.qaAccount, prod: props.prodAccount };
  const pipelineStack = new Stack(app, 'OrdersPipeline', {
    env: { account: props.pipelineAccount, region: props.region },
    description: 'The orders release pipeline: dev, QA and production accounts, each change set approved',
  });
  const [owner, repo] = props.repository.split('/');
  const targets: DeploymentTarget[] = [];
  const stages = ENVIRONMENTS.map(({ name, stage }) => {
    const account = accounts[name];
    const target = new DeploymentTarget(app, `Orders${stage}Target`, {
      identity,
      account,
      executionStatements: [new iam.PolicyStatement({
        actions: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:SetQueueAttributes', 'sqs:TagQueue', 'sqs:UntagQueue', 'sqs:ListQueueTags'],
        resources: [`arn:aws:sqs:${props.region}:${account}:orders-${name}`, `arn:aws:sqs:${props.region}:${account}:orders-${name}-dlq`],
      })],
    });
    targets.push(target);
    return new ChangeSetStage({
      stageName: stage,
      target,
      stackName: `orders-${name}`,
      changeSetName: `orders-${name}-release`,
      templatePath: 'service.yaml',
      templateConfiguration: `${name}.json`,
    });
  });
  const release = new ReleasePipeline(pipelineStack, 'Release', {
    pipelineName: 'orders-release',
    source: ReleaseSource.connection({ connectionArn: props.connectionArn, owner, repo, branch: 'main' }),
    stages,
  });
  return { pipelineStack, targets, release };
}
