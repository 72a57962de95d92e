import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PIPELINE_ACCOUNT, REGION } from './variants/variant';

export const LARGE_STAGES = 50;
export const LARGE_ACTIONS_PER_STAGE = 10;

/**
 * A pipeline at the service's stage quota, written with aws-cdk-lib's CfnPipeline: a source stage,
 * then 49 stages of 10 manual approvals in 10 run orders (491 actions). The L2 `Pipeline` would add
 * a role per action and exceed CloudFormation's 500 resources a stack.
 */
export function largePipeline(app: App): Stack {
  return largeStack(app, false);
}

/** The V2 features the V2 variant adds: how many pipeline variables, and on which stages conditions. */
export const LARGE_V2_VARIABLES = 50;

/**
 * The same pipeline with what V2 adds on every part the rules read: a connection source with a Git
 * trigger (push and pull-request filters), 50 pipeline variables, QUEUED execution, and on each of
 * the 49 later stages an entry condition (a deployment window), a success condition (a CloudWatch
 * alarm) and a rollback on failure; each approval's CustomData names a variable and the source's
 * output variables, so that every reference is looked up.
 */
export function largeV2Pipeline(app: App): Stack {
  return largeStack(app, true);
}

function largeStack(app: App, v2: boolean): Stack {
  const stack = new Stack(app, v2 ? 'LargeV2' : 'Large', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
  const sources = new s3.Bucket(stack, 'Sources', { versioned: true });
  const artifacts = new s3.Bucket(stack, 'Artifacts');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') });
  const source: codepipeline.CfnPipeline.ActionDeclarationProperty = v2
    ? {
      name: 'Source',
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
      configuration: {
        ConnectionArn: `arn:aws:codeconnections:${REGION}:${PIPELINE_ACCOUNT}:connection/00000000-0000-0000-0000-000000000000`,
        FullRepositoryId: 'example-org/app',
        BranchName: 'main',
      },
      outputArtifacts: [{ name: 'Source' }],
      namespace: 'SourceVariables',
    }
    : {
      name: 'Source',
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
      configuration: { S3Bucket: sources.bucketName, S3ObjectKey: 'app.zip', PollForSourceChanges: false },
      outputArtifacts: [{ name: 'Source' }],
    };
  const stages: codepipeline.CfnPipeline.StageDeclarationProperty[] = [{ name: 'Source', actions: [source] }];
  for (let s = 1; s < LARGE_STAGES; s++) {
    stages.push({
      name: `Stage${s}`,
      actions: Array.from({ length: LARGE_ACTIONS_PER_STAGE }, (_, a) => ({
        name: `Approve${a + 1}`,
        actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
        configuration: {
          CustomData: v2
            ? `Approve step ${a + 1} of stage ${s}: #{variables.Var${(s % LARGE_V2_VARIABLES) + 1}} at #{SourceVariables.CommitId}`
            : `Approve step ${a + 1} of stage ${s}`,
        },
        runOrder: a + 1,
      })),
      ...(v2 ? stageConditions(s) : {}),
    });
  }
  new codepipeline.CfnPipeline(stack, 'Pipeline', {
    name: v2 ? 'large-v2' : 'large',
    pipelineType: 'V2',
    roleArn: role.roleArn,
    artifactStore: { type: 'S3', location: artifacts.bucketName },
    stages,
    ...(v2 ? v2Features() : {}),
  });
  return stack;
}

function stageConditions(stage: number): Partial<codepipeline.CfnPipeline.StageDeclarationProperty> {
  return {
    beforeEntry: {
      conditions: [{
        result: 'FAIL',
        rules: [{
          name: `Window${stage}`,
          ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
          configuration: { Cron: '0 0-23 ? * MON-FRI *', TimeZone: 'UTC' },
        }],
      }],
    },
    onSuccess: {
      conditions: [{
        result: 'ROLLBACK',
        rules: [{
          name: `Alarm${stage}`,
          ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'CloudWatchAlarm', version: '1' },
          configuration: { AlarmName: `stage-${stage}-errors` },
        }],
      }],
    },
    onFailure: { result: 'ROLLBACK' },
  };
}

function v2Features(): Partial<codepipeline.CfnPipelineProps> {
  return {
    executionMode: 'QUEUED',
    variables: Array.from({ length: LARGE_V2_VARIABLES }, (_, i) => ({
      name: `Var${i + 1}`,
      defaultValue: `value-${i + 1}`,
      description: `Variable ${i + 1} of the release`,
    })),
    triggers: [{
      providerType: 'CodeStarSourceConnection',
      gitConfiguration: {
        sourceActionName: 'Source',
        push: [{ branches: { includes: ['main', 'release/*'] }, filePaths: { includes: ['src/**'], excludes: ['docs/**'] } }],
        pullRequest: [{ branches: { includes: ['main'] }, events: ['OPEN', 'UPDATED'] }],
      },
    }],
  };
}
