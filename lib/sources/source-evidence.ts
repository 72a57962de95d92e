import { Stack, Token, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';

/**
 * cdk-nag (AwsSolutions-IAM5) flags the wildcards in the grants aws-cdk-lib's S3 source action gives
 * its action role. Each is acknowledged on the source stage alone, with why it is needed.
 */
export function acknowledgeS3SourceGrants(sourceStage: IConstruct, artifactBucket: s3.IBucket): void {
  const why = 'aws-cdk-lib\'s S3 source action writes each source revision into the pipeline\'s artifact bucket (bucket.grantReadWrite); CodePipeline generates the object keys per execution, so they cannot be listed in advance.';
  const acknowledgments = [
    { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: `Reads of the source object and of artifacts. ${why}` },
    { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: `Bucket metadata of the source and artifact buckets only. ${why}` },
    { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: `Listing within the source and artifact buckets only. ${why}` },
    { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: `Objects of the artifact bucket only (multipart cleanup). ${why}` },
    { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: `Aborting multipart uploads into the artifact bucket only. ${why}` },
    { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: `On the artifact key only, for the encrypted artifacts. ${why}` },
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: `On the artifact key only, to encrypt the artifacts it writes. ${why}` },
  ];
  const arn = cfnReference(Stack.of(sourceStage), artifactBucket.bucketArn);
  if (arn) acknowledgments.push({ id: `AwsSolutions-IAM5[Resource::${arn}/*]`, reason: `Objects of the pipeline's artifact bucket. ${why}` });
  Validations.of(sourceStage).acknowledge(...acknowledgments);
}

/** cdk-nag's rendering of a resource reference: `<LogicalId.Arn>`, or the literal ARN. */
function cfnReference(stack: Stack, value: string): string | undefined {
  if (!Token.isUnresolved(value)) return value;
  const resolved = stack.resolve(value) as { 'Fn::GetAtt'?: [string, string] };
  const getAtt = resolved['Fn::GetAtt'];
  return getAtt ? `<${getAtt[0]}.${getAtt[1]}>` : undefined;
}
