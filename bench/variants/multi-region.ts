import { App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/**
 * The multi-region comparison: one production wave of three regions (a change set in each, one
 * approval, then every change set executed), from a pipeline in the first of them, written with each
 * tool the way its documentation shows.
 */
export interface MultiRegionVariant {
  /** Adds the pipeline and every stack it needs to the app. */
  build(app: App): void;
}

export const PIPELINE_ACCOUNT = '111111111111';
export const PRODUCTION_ACCOUNT = '333333333333';
export const PIPELINE_REGION = 'us-east-1';
/** The wave's regions: the pipeline's own first. */
export const WAVE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

/** The application stack's name, the same in every region. */
export const APPLICATION_STACK = 'app';

/** What CloudFormation needs to deploy the application (one bucket) in `region`. */
export function applicationStatements(region: string): PolicyStatement[] {
  return [new PolicyStatement({
    actions: ['s3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketVersioning'],
    resources: [`arn:aws:s3:::app-${region}-*`],
  })];
}
