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
  const stack = new Stack(app, 'Large', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
  const sources = new s3.Bucket(stack, 'Sources', { versioned: true });
  const artifacts = new s3.Bucket(stack, 'Artifacts');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') });
  const stages: codepipeline.CfnPipeline.StageDeclarationProperty[] = [{
    name: 'Source',
    actions: [{
      name: 'Source',
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
      configuration: { S3Bucket: sources.bucketName, S3ObjectKey: 'app.zip', PollForSourceChanges: false },
      outputArtifacts: [{ name: 'Source' }],
    }],
  }];
  for (let s = 1; s < LARGE_STAGES; s++) {
    stages.push({
      name: `Stage${s}`,
      actions: Array.from({ length: LARGE_ACTIONS_PER_STAGE }, (_, a) => ({
        name: `Approve${a + 1}`,
        actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
        configuration: { CustomData: `Approve step ${a + 1} of stage ${s}` },
        runOrder: a + 1,
      })),
    });
  }
  new codepipeline.CfnPipeline(stack, 'Pipeline', {
    name: 'large',
    pipelineType: 'V2',
    roleArn: role.roleArn,
    artifactStore: { type: 'S3', location: artifacts.bucketName },
    stages,
  });
  return stack;
}
