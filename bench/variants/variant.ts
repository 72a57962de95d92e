import { App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** One way to write the benchmark's release pipeline. */
export interface Variant {
  /** Adds the pipeline with `environments` cross-account change-set stages (each with an approval) to the app. */
  build(app: App, environments: number): void;
}

export const PIPELINE_ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

/** The i-th target account (1-based): 200000000001, 200000000002, … */
export function targetAccount(index: number): string {
  return String(200000000000 + index);
}

/** What CloudFormation needs to deploy the benchmark's application (one bucket). */
export function applicationStatements(): PolicyStatement[] {
  return [new PolicyStatement({ actions: ['s3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketVersioning'], resources: ['arn:aws:s3:::app-*'] })];
}
