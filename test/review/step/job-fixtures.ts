import { DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { GetJobDetailsOutput } from '@aws-sdk/client-codepipeline';
import { CodePipelineJobEvent } from '../../../lib/review/step/run-review-job';
import { CHANGE_SET_ID, STACK_ID, bucketPolicyModified, databaseReplaced, nestedStackModified, queueRemoved, roleAdded } from '../change-set-fixtures';

/**
 * DescribeChangeSet pages as CloudFormation answers them (API reference response shape): the header
 * fields on every page, the changes split across pages with NextToken; the job as GetJobDetails
 * answers it (API reference) and the event CodePipeline sends a Lambda invoke action (action
 * reference, "Example JSON event").
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

export const FUNCTION_NAME = 'release-ChangeSetReviewFunction-Ab12Cd34Ef56';
export const PIPELINE_CONTEXT = {
  pipelineName: 'release',
  stage: { name: 'Prod' },
  action: { name: 'ReviewChangeSet', actionExecutionId: '4f5e6d7c-8b9a-4a0b-9c1d-2e3f4a5b6c7d' },
  pipelineArn: 'arn:aws:codepipeline:us-east-1:111111111111:release',
  pipelineExecutionId: '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
};

export interface JobOptions {
  /** false: an action declared without an output artifact. */
  readonly output?: boolean;
  /** The function the action invokes. */
  readonly functionName?: string;
}

/** The job's data, as GetJobDetails answers it and the invocation event carries it; `parameters` null: no UserParameters. */
function jobData(parameters: string | null, options: JobOptions) {
  return {
    actionTypeId: { category: 'Invoke', owner: 'AWS', provider: 'Lambda', version: '1' } as const,
    actionConfiguration: { configuration: { FunctionName: options.functionName ?? FUNCTION_NAME, ...(parameters !== null ? { UserParameters: parameters } : {}) } },
    pipelineContext: PIPELINE_CONTEXT,
    inputArtifacts: [],
    outputArtifacts: options.output === false ? [] : [{ name: 'ReviewApp', location: { type: 'S3' as const, s3Location: { bucketName: ARTIFACT_BUCKET, objectKey: ARTIFACT_KEY } } }],
    artifactCredentials: ARTIFACT_CREDENTIALS,
    encryptionKey: { id: KEY_ARN, type: 'KMS' as const },
  };
}

/** GetJobDetails' answer for the job. */
export function jobDetails(parameters: string | null = userParameters(), options: JobOptions = {}): GetJobDetailsOutput {
  return { jobDetails: { id: JOB_ID, accountId: '111111111111', data: jobData(parameters, options) } };
}

/** The event CodePipeline invokes the function with for the same job: its data names no action type and no pipeline. */
export function jobEvent(parameters: string | null = userParameters(), options: JobOptions = {}): CodePipelineJobEvent {
  const { actionTypeId: _type, pipelineContext: _context, ...data } = jobData(parameters, options);
  return { 'CodePipeline.job': { id: JOB_ID, accountId: '111111111111', data } };
}
