import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Sends `bucket`'s server access logs to `logs` under `prefix`, authorised by a bucket policy for the
 * S3 logging service rather than by the log-delivery ACL (which aws-cdk-lib uses unless the
 * `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy` feature flag is set, and which requires object
 * ACLs to stay enabled on the log bucket).
 *
 * When `logs` is an imported bucket, its policy cannot be changed here: it must already allow
 * `logging.s3.amazonaws.com` to put objects under `prefix`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export function sendAccessLogs(bucket: s3.Bucket, logs: s3.IBucket, prefix: string): void {
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.loggingConfiguration = { destinationBucketName: logs.bucketName, logFilePrefix: prefix };
  logs.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [logs.arnForObjects(`${prefix}*`)],
    conditions: {
      ArnLike: { 'aws:SourceArn': bucket.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(bucket).account },
    },
  }));
}
