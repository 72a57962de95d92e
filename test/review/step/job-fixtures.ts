import { DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { CodePipelineJobEvent } from '../../../lib/review/step/run-review-job';
import { CHANGE_SET_ID, STACK_ID, bucketPolicyModified, databaseReplaced, nestedStackModified, queueRemoved, roleAdded } from '../change-set-fixtures';

/**
 * DescribeChangeSet pages as CloudFormation answers them (API reference response shape): the header
 * fields on every page, the changes split across pages with NextToken, and the job event
 * CodePipeline sends a Lambda invoke action (action reference, "Example JSON event").
 */
const header: DescribeChangeSetOutput = {
  ChangeSetName: 'release',
  ChangeSetId: CHANGE_SET_ID,
  StackId: STACK_ID,
  StackName: 'app-prod',
  Description: 'Release of app-prod by the pipeline',
  Parameters: [{ ParameterKey: 'DatabaseInstanceClass', ParameterValue: 'db.r6g.large' }],
  CreationTime: new Date('2026-05-06T09:14:03.210Z'),
  ExecutionStatus: 'AVAILABLE',
  Status: 'CREATE_COMPLETE',
  NotificationARNs: [],
  RollbackConfiguration: { RollbackTriggers: [] },
  Capabilities: ['CAPABILITY_NAMED_IAM'],
  IncludeNestedStacks: false,
};

/** Page 1 of 2: three changes and a token. */
export const firstPage: DescribeChangeSetOutput = { ...header, Changes: [databaseReplaced, roleAdded, bucketPolicyModified] as DescribeChangeSetOutput['Changes'], NextToken: 'eyJwYWdlIjoyfQ==' };
/** Page 2 of 2. */
export const secondPage: DescribeChangeSetOutput = { ...header, Changes: [queueRemoved, nestedStackModified] as DescribeChangeSetOutput['Changes'] };

/** A change set of one tag change on a bucket: nothing flagged. */
export const tagsOnlyPage: DescribeChangeSetOutput = {
  ...header,
  Changes: [{
    Type: 'Resource',
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'UploadsBucket',
      PhysicalResourceId: 'app-prod-uploadsbucket-4r5t6y7u8i9o',
      ResourceType: 'AWS::S3::Bucket',
      Replacement: 'False',
      Scope: ['Tags'],
      Details: [{ Target: { Attribute: 'Tags', RequiresRecreation: 'Never', AttributeChangeType: 'Modify' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }],
    },
  }],
};

export const pendingPage: DescribeChangeSetOutput = { ...header, Status: 'CREATE_IN_PROGRESS', ExecutionStatus: 'UNAVAILABLE', Changes: [] };

export const noChangesPage: DescribeChangeSetOutput = {
  ...header,
  Status: 'FAILED',
  ExecutionStatus: 'UNAVAILABLE',
  StatusReason: "The submitted information didn't contain changes. Submit different information to create a change set.",
  Changes: [],
};

export const failedPage: DescribeChangeSetOutput = {
  ...header,
  Status: 'FAILED',
  ExecutionStatus: 'UNAVAILABLE',
  StatusReason: 'Requires capabilities : [CAPABILITY_NAMED_IAM]',
  Changes: [],
};

export const JOB_ID = '11111111-abcd-1111-abcd-111111111111';
export const ROLE_ARN = 'arn:aws:iam::333333333333:role/release-review-eu-west-1';
export const ARTIFACT_BUCKET = 'release-artifacts-111111111111';
export const ARTIFACT_KEY = 'release/ReviewApp/Ab3dEf9';
export const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';

export const ARTIFACT_CREDENTIALS = {
  accessKeyId: 'ASIAARTIFACTEXAMPLE1',
  secretAccessKey: 'artifact-secret-example',
  sessionToken: 'artifact-session-token-example',
};

export const REVIEWER_CREDENTIALS = {
  AccessKeyId: 'ASIAREVIEWEREXAMPLE1',
  SecretAccessKey: 'reviewer-secret-example',
  SessionToken: 'reviewer-session-token-example',
  Expiration: new Date('2026-05-06T09:30:00Z'),
};

/** The parameters a review step of stage Prod writes for target app-prod in eu-west-1. */
export function userParameters(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ stackName: 'app-prod', changeSetName: 'release', account: '333333333333', region: 'eu-west-1', roleArn: ROLE_ARN, failOn: [], acknowledge: [], ...extra });
}

/** `parameters` null: an action without UserParameters. */
export function jobEvent(parameters: string | null = userParameters(), options: { output?: boolean } = {}): CodePipelineJobEvent {
  return {
    'CodePipeline.job': {
      id: JOB_ID,
      accountId: '111111111111',
      data: {
        actionConfiguration: { configuration: { FunctionName: 'release-change-set-review', ...(parameters !== null ? { UserParameters: parameters } : {}) } },
        outputArtifacts: options.output === false ? [] : [{ name: 'ReviewApp', location: { type: 'S3', s3Location: { bucketName: ARTIFACT_BUCKET, objectKey: ARTIFACT_KEY } } }],
        artifactCredentials: ARTIFACT_CREDENTIALS,
        encryptionKey: { id: KEY_ARN, type: 'KMS' },
      },
    },
  };
}
