import { Validations } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { CfnElement, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * cdk-nag evidence for the role aws-cdk-lib's pipeline creates for its S3 source action: it reads the
 * source object and writes the source artifact, with aws-cdk-lib's wildcard action names.
 */
export function acknowledgeSourceActionRole(pipeline: codepipeline.Pipeline, sourceStageName: string, artifactBucket: s3.IBucket): void {
  const sourceStage = pipeline.node.findChild(sourceStageName);
  const artifactBucketId = Stack.of(pipeline).getLogicalId(artifactBucket.node.defaultChild as CfnElement);
  const why = 'aws-cdk-lib grants its S3 source action role read on the source object (BucketGrants.read) and write on the artifact bucket (BucketGrants.write, KeyGrants.encrypt)';
  Validations.of(sourceStage).acknowledge(
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${why}; ${action} expands only to object and bucket read/write actions, scoped to the source object and the artifact bucket.`,
    })),
    ...['kms:ReEncrypt*', 'kms:GenerateDataKey*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${why}; the statement's only resource is the artifact key's ARN.`,
    })),
    {
      id: `AwsSolutions-IAM5[Resource::<${artifactBucketId}.Arn>/*]`,
      reason: `${why}; CodePipeline names artifact objects per execution, so object keys cannot be listed in advance.`,
    },
  );
}
