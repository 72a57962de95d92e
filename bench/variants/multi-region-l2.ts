import { Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { APPLICATION_STACK, MultiRegionVariant, PIPELINE_ACCOUNT, PIPELINE_REGION, PRODUCTION_ACCOUNT, WAVE_REGIONS, applicationStatements } from './multi-region';

/**
 * The wave with aws-cdk-lib's `codepipeline.Pipeline` and CloudFormation actions that name their
 * `account` and `region`: aws-cdk-lib generates the action and deployment roles in a support stack for
 * the production account and an artifact bucket and key in a support stack for each other region.
 */
export const multiRegionL2: MultiRegionVariant = {
  build(app) {
    const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: PIPELINE_REGION } });
    const sourceBucket = new s3.Bucket(stack, 'Sources', { versioned: true, enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    const source = new codepipeline.Artifact('Source');
    const changeSetName = 'release';
    const create = WAVE_REGIONS.map((region) => new actions.CloudFormationCreateReplaceChangeSetAction({
      actionName: `CreateChangeSet-${region}`,
      stackName: APPLICATION_STACK,
      changeSetName,
      templatePath: source.atPath('app.yaml'),
      adminPermissions: false,
      account: PRODUCTION_ACCOUNT,
      region,
      runOrder: 1,
    }));
    const execute = WAVE_REGIONS.map((region) => new actions.CloudFormationExecuteChangeSetAction({
      actionName: `ExecuteChangeSet-${region}`,
      stackName: APPLICATION_STACK,
      changeSetName,
      account: PRODUCTION_ACCOUNT,
      region,
      runOrder: 3,
    }));
    new codepipeline.Pipeline(stack, 'Pipeline', {
      pipelineName: 'release',
      pipelineType: codepipeline.PipelineType.V2,
      crossAccountKeys: true,
      enableKeyRotation: true,
      stages: [
        { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: sourceBucket, bucketKey: 'app.zip', output: source })] },
        { stageName: 'Production', actions: [...create, new actions.ManualApprovalAction({ actionName: 'Approve', runOrder: 2 }), ...execute] },
      ],
    });
    // The deployment roles exist once the actions are in the pipeline.
    create.forEach((action, i) => applicationStatements(WAVE_REGIONS[i]).forEach((statement) => action.addToDeploymentRolePolicy(statement)));
  },
};
