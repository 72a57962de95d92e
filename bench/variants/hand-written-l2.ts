import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PIPELINE_ACCOUNT, REGION, Variant, applicationStatements, targetAccount } from './variant';

/**
 * The release pipeline written by hand with aws-cdk-lib L2 constructs, the way a careful engineer
 * would: a customer-managed key and artifact bucket, a target stack per account with the action and
 * execution roles, and per environment a change set, an approval and its execution.
 */
export const handWrittenL2: Variant = {
  build(app, environments) {
    const pipelineStack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
    const pipelineRoleName = 'release-pipeline-role';
    const key = new kms.Key(pipelineStack, 'ArtifactKey', { enableKeyRotation: true, alias: 'alias/release-artifacts' });
    const accessLogs = new s3.Bucket(pipelineStack, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const artifactBucket = new s3.Bucket(pipelineStack, 'Artifacts', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'artifacts/',
      encryptionKey: key,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const sourceBucket = new s3.Bucket(pipelineStack, 'Sources', { versioned: true, enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    const pipelineRole = new iam.Role(pipelineStack, 'PipelineRole', {
      roleName: pipelineRoleName,
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
    });
    const source = new codepipeline.Artifact('Source');
    const stages: codepipeline.StageProps[] = [
      { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: sourceBucket, bucketKey: 'app.zip', output: source })] },
    ];
    for (let i = 1; i <= environments; i++) {
      const account = targetAccount(i);
      const target = new Stack(app, `Target${i}`, { env: { account, region: REGION } });
      const actionRole = new iam.Role(target, 'ActionRole', {
        roleName: 'release-action-role',
        assumedBy: new iam.AccountPrincipal(PIPELINE_ACCOUNT).withConditions({
          ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${PIPELINE_ACCOUNT}:role/${pipelineRoleName}` },
        }),
      });
      const executionRole = new iam.Role(target, 'ExecutionRole', {
        roleName: 'release-execution-role',
        assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com'),
      });
      for (const statement of applicationStatements()) executionRole.addToPolicy(statement);
      actionRole.addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [executionRole.roleArn] }));
      actionRole.addToPolicy(new iam.PolicyStatement({
        actions: ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DescribeStacks'],
        resources: [`arn:aws:cloudformation:${REGION}:${account}:stack/app-env${i}/*`],
      }));
      actionRole.addToPolicy(new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [`arn:aws:s3:::release-artifacts-${PIPELINE_ACCOUNT}/*`],
      }));
      actionRole.addToPolicy(new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [`arn:aws:kms:${REGION}:${PIPELINE_ACCOUNT}:key/*`],
        conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/release-artifacts' } },
      }));
      pipelineStack.addStackDependency(target);

      const importedActionRole = iam.Role.fromRoleArn(pipelineStack, `ActionRole${i}`, `arn:aws:iam::${account}:role/release-action-role`, { mutable: false });
      const importedExecutionRole = iam.Role.fromRoleArn(pipelineStack, `ExecutionRole${i}`, `arn:aws:iam::${account}:role/release-execution-role`, { mutable: false });
      const stackName = `app-env${i}`;
      const changeSetName = `app-env${i}-release`;
      stages.push({
        stageName: `Env${i}`,
        actions: [
          new actions.CloudFormationCreateReplaceChangeSetAction({
            actionName: 'CreateChangeSet',
            stackName,
            changeSetName,
            templatePath: source.atPath('app.yaml'),
            templateConfiguration: source.atPath(`env${i}.json`),
            adminPermissions: false,
            role: importedActionRole,
            deploymentRole: importedExecutionRole,
            account,
            runOrder: 1,
          }),
          new actions.ManualApprovalAction({ actionName: 'ApproveChangeSet', runOrder: 2, timeout: Duration.days(7) }),
          new actions.CloudFormationExecuteChangeSetAction({
            actionName: 'ExecuteChangeSet',
            stackName,
            changeSetName,
            role: importedActionRole,
            account,
            runOrder: 3,
          }),
        ],
      });
    }
    new codepipeline.Pipeline(pipelineStack, 'Pipeline', {
      pipelineName: 'release',
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket,
      role: pipelineRole,
      stages,
    });
  },
};
