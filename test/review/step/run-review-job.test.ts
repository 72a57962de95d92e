import { CloudFormationClient, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient, GetJobDetailsCommand, PutJobFailureResultCommand, PutJobSuccessResultCommand } from '@aws-sdk/client-codepipeline';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { CodePipelineJobEvent, Credentials, ReviewJobClients, ReviewJobTiming, runReviewJob as run, runReviewJobWithin as runWithin } from '../../../lib/review/step/run-review-job';
import {
  ARTIFACT_BUCKET, ARTIFACT_CREDENTIALS, ARTIFACT_KEY, FUNCTION_NAME, JOB_ID, JobOptions, KEY_ARN, REVIEWER_CREDENTIALS, ROLE_ARN,
  failedPage, firstPage, jobDetails, jobEvent, noChangesPage, pendingPage, secondPage, tagsOnlyPage, userParameters,
} from './job-fixtures';
import { readZip } from './read-zip';

const codepipeline = mockClient(CodePipelineClient);
const sts = mockClient(STSClient);
const cloudFormation = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);

const cloudFormationFor = jest.fn((region: string, credentials: Credentials) => new CloudFormationClient({ region, credentials }));
const s3For = jest.fn((credentials: Credentials) => new S3Client({ region: 'us-east-1', credentials }));
const clients: ReviewJobClients = {
  codepipeline: new CodePipelineClient({ region: 'us-east-1' }),
  sts: new STSClient({ region: 'us-east-1' }),
  cloudFormation: cloudFormationFor,
  s3: s3For,
};
const sleeps: number[] = [];
const timing = (remaining = 60_000): ReviewJobTiming => ({ remaining: () => remaining, sleep: async (ms) => { sleeps.push(ms); } });

const runReviewJob = (event: CodePipelineJobEvent, c: ReviewJobClients, t: ReviewJobTiming) => run(event, c, t, FUNCTION_NAME);
const runReviewJobWithin = (event: CodePipelineJobEvent, c: ReviewJobClients, t: ReviewJobTiming) => runWithin(event, c, t, FUNCTION_NAME);

/** A job CodePipeline holds (GetJobDetails answers it), and the event it invokes the function with. */
function job(parameters: string | null = userParameters(), options: JobOptions = {}): CodePipelineJobEvent {
  codepipeline.on(GetJobDetailsCommand, { jobId: JOB_ID }).resolves(jobDetails(parameters, options));
  return jobEvent(parameters, options);
}

const DESCRIBE = { StackName: 'app-prod', ChangeSetName: 'release' };
const PIPELINE = { name: 'release', stage: 'Prod', action: 'ReviewChangeSet' };
const SUMMARY = '5 changes (3 Modify, 1 Add, 1 Remove); data-loss: AWS::RDS::DBInstance Database (database, replaced), AWS::SQS::Queue ExportQueue (queued messages, removed); permissions: 2; nested-stack: 1';

beforeEach(() => {
  for (const mock of [codepipeline, sts, cloudFormation, s3]) mock.reset();
  cloudFormationFor.mockClear();
  s3For.mockClear();
  sleeps.length = 0;
  sts.on(AssumeRoleCommand).resolves({ Credentials: REVIEWER_CREDENTIALS });
  cloudFormation.on(DescribeChangeSetCommand, DESCRIBE).resolves(firstPage).on(DescribeChangeSetCommand, { ...DESCRIBE, NextToken: 'eyJwYWdlIjoyfQ==' }).resolves(secondPage);
  codepipeline.on(PutJobSuccessResultCommand).resolves({}).on(PutJobFailureResultCommand).resolves({});
  s3.on(PutObjectCommand).resolves({});
});

function reportOf(): Record<string, string> {
  return readZip(s3.commandCalls(PutObjectCommand)[0].args[0].input.Body as Buffer);
}

describe('a change set that passes', () => {
  test('assumes the reviewer role, reads every page, writes the report and reports success with the summary', async () => {
    await expect(runReviewJob(job(), clients, timing())).resolves.toEqual({ jobId: JOB_ID, result: 'succeeded', message: SUMMARY, describeCalls: 2, pipeline: PIPELINE });

    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
      { RoleArn: ROLE_ARN, RoleSessionName: `review-${JOB_ID}`, DurationSeconds: 900 },
    ]);
    expect(cloudFormationFor.mock.calls).toEqual([['eu-west-1', {
      accessKeyId: REVIEWER_CREDENTIALS.AccessKeyId, secretAccessKey: REVIEWER_CREDENTIALS.SecretAccessKey, sessionToken: REVIEWER_CREDENTIALS.SessionToken, expiration: REVIEWER_CREDENTIALS.Expiration,
    }]]);
    expect(cloudFormation.commandCalls(DescribeChangeSetCommand).map((c) => c.args[0].input)).toEqual([DESCRIBE, { ...DESCRIBE, NextToken: 'eyJwYWdlIjoyfQ==' }]);
    expect(s3For.mock.calls).toEqual([[ARTIFACT_CREDENTIALS]]);
    const put = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(put).toEqual([{ Bucket: ARTIFACT_BUCKET, Key: ARTIFACT_KEY, Body: expect.any(Buffer), ContentType: 'application/zip', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN }]);
    expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand', 'PutJobSuccessResultCommand']);
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand).map((c) => c.args[0].input)).toEqual([{
      jobId: JOB_ID,
      executionDetails: { summary: SUMMARY },
      outputVariables: { Summary: SUMMARY, State: 'ready', ChangeCount: '5', DataLossCount: '2', PermissionCount: '2' },
    }]);
    expect(codepipeline.commandCalls(PutJobFailureResultCommand)).toEqual([]);
  });

  test('the artifact is a ZIP of the Markdown and JSON reports, the JSON holding every change of both pages', async () => {
    await runReviewJob(job(), clients, timing());
    const files = reportOf();
    expect(Object.keys(files)).toEqual(['change-set-review.md', 'change-set-review.json']);
    const json = JSON.parse(files['change-set-review.json']);
    expect(json).toMatchObject({ pipeline: PIPELINE, stackName: 'app-prod', changeSetName: 'release', account: '333333333333', region: 'eu-west-1', summary: SUMMARY, result: 'passed', failOn: [], acknowledge: [], unacknowledged: [] });
    expect(json.review.changes.map((c: { logicalId: string }) => c.logicalId)).toEqual(['Database', 'ReportsRole', 'UploadsBucketPolicy', 'ExportQueue', 'NetworkStack']);
    expect(files['change-set-review.md']).toContain('| Modify | Database | AWS::RDS::DBInstance | True<br>policy: ReplaceAndDelete | DBInstanceIdentifier \\(replaces\\)<br>DBInstanceClass \\(may replace\\) | data\\-loss: database, replaced |');
    expect(files['change-set-review.md']).toContain('**Result:** passed');
    expect(files['change-set-review.md']).toContain('\nPipeline release, stage Prod, action ReviewChangeSet\\.\n');
  });

  test('data-loss, permission and nested-stack changes pass when each is acknowledged, one by name and the others by flag', async () => {
    const event = job(userParameters({ failOn: ['data-loss', 'permissions'], acknowledge: ['data-loss:Database data-loss:ExportQueue', 'permissions:*', 'nested-stack:NetworkStack'] }));
    await expect(runReviewJob(event, clients, timing())).resolves.toMatchObject({ result: 'succeeded' });
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand)).toHaveLength(1);
  });

  test('a change set without changes passes with "no changes"', async () => {
    cloudFormation.on(DescribeChangeSetCommand, DESCRIBE).resolves(noChangesPage);
    await expect(runReviewJob(job(userParameters({ failOn: ['data-loss'] })), clients, timing())).resolves.toMatchObject({ result: 'succeeded', message: '0 changes; no changes' });
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand)[0].args[0].input.outputVariables).toEqual({
      Summary: '0 changes; no changes', State: 'no-changes', ChangeCount: '0', DataLossCount: '0', PermissionCount: '0',
    });
  });

  test('waits while the change set is still being created, then reviews it', async () => {
    cloudFormation.on(DescribeChangeSetCommand, DESCRIBE).resolvesOnce(pendingPage).resolves(tagsOnlyPage);
    await expect(runReviewJob(job(), clients, timing())).resolves.toEqual({ jobId: JOB_ID, result: 'succeeded', message: '1 change (1 Modify)', describeCalls: 2, pipeline: PIPELINE });
    expect(sleeps).toEqual([5000]);
  });

  test('an action without an output artifact writes no report', async () => {
    await runReviewJob(job(userParameters(), { output: false }), clients, timing());
    expect(s3.commandCalls(PutObjectCommand)).toEqual([]);
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand)).toHaveLength(1);
  });
});

describe('a change set that fails the step', () => {
  const failure = () => codepipeline.commandCalls(PutJobFailureResultCommand).map((c) => c.args[0].input);

  test('unacknowledged data loss, permission and nested-stack changes (nested-stack implied by the others): failure naming each and the acknowledgements, report still written', async () => {
    const event = job(userParameters({ failOn: ['data-loss', 'permissions'], acknowledge: ['data-loss:ExportQueue'] }));
    await expect(runReviewJob(event, clients, timing())).resolves.toMatchObject({ result: 'failed' });
    expect(failure()).toEqual([{
      jobId: JOB_ID,
      failureDetails: {
        type: 'JobFailed',
        message: 'The change set "release" of stack "app-prod" (account 333333333333, eu-west-1) has 4 changes not acknowledged: '
          + 'data-loss: AWS::RDS::DBInstance Database (database, replaced); permissions: AWS::IAM::Role ReportsRole (IAM role); '
          + 'permissions: AWS::S3::BucketPolicy UploadsBucketPolicy (bucket policy); '
          + 'nested-stack: AWS::CloudFormation::Stack NetworkStack (its changes are in its own change set). Review the report; to release it anyway, '
          + 'acknowledge data-loss:Database, permissions:ReportsRole, permissions:UploadsBucketPolicy, nested-stack:NetworkStack.',
      },
    }]);
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand)).toEqual([]);
    expect(JSON.parse(reportOf()['change-set-review.json'])).toMatchObject({
      result: 'failed',
      unacknowledged: [
        { flag: 'data-loss', logicalId: 'Database', resourceType: 'AWS::RDS::DBInstance' },
        { flag: 'permissions', logicalId: 'ReportsRole', resourceType: 'AWS::IAM::Role' },
        { flag: 'permissions', logicalId: 'UploadsBucketPolicy', resourceType: 'AWS::S3::BucketPolicy' },
        { flag: 'nested-stack', logicalId: 'NetworkStack', resourceType: 'AWS::CloudFormation::Stack' },
      ],
    });
  });

  test('a change set whose creation failed for another reason than "no changes"', async () => {
    cloudFormation.on(DescribeChangeSetCommand, DESCRIBE).resolves(failedPage);
    await runReviewJob(job(), clients, timing());
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'JobFailed', message: 'The change set "release" of stack "app-prod" (account 333333333333, eu-west-1) cannot be approved: its creation failed: Requires capabilities : [CAPABILITY_NAMED_IAM].' } }]);
  });

  test('a change set that does not exist', async () => {
    cloudFormation.on(DescribeChangeSetCommand).rejects(Object.assign(new Error('ChangeSet [release] does not exist'), { name: 'ChangeSetNotFoundException' }));
    await runReviewJob(job(), clients, timing());
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'JobFailed', message: 'The change set "release" of stack "app-prod" (account 333333333333, eu-west-1) cannot be approved: there is no such change set: the stage has not created it yet, or it was executed or deleted.' } }]);
  });

  test('a change set still being created when the time is up', async () => {
    cloudFormation.on(DescribeChangeSetCommand, DESCRIBE).resolves(pendingPage);
    await runReviewJob(job(), clients, timing(4000));
    expect(sleeps).toEqual([]);
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'JobFailed', message: 'Timed out: the change set "release" of stack "app-prod" (account 333333333333, eu-west-1) was still being created (CREATE_IN_PROGRESS) when the review had to report; run the stage again.' } }]);
  });

  test('a reviewer role that cannot be assumed: a permission error, and nothing read', async () => {
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error(`User: arn:aws:sts::111111111111:assumed-role/fn/x is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`), { name: 'AccessDenied' }));
    await runReviewJob(job(), clients, timing());
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'PermissionError', message: `Could not assume the reviewer role ${ROLE_ARN}: AccessDenied: User: arn:aws:sts::111111111111:assumed-role/fn/x is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}` } }]);
    expect(cloudFormation.calls()).toEqual([]);
  });

  test('DescribeChangeSet refused: the error in the failure, no report', async () => {
    cloudFormation.on(DescribeChangeSetCommand).rejects(Object.assign(new Error('not authorized to perform: cloudformation:DescribeChangeSet'), { name: 'AccessDenied' }));
    await runReviewJob(job(), clients, timing());
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'JobFailed', message: 'Could not review the change set "release" of stack "app-prod" (account 333333333333, eu-west-1): AccessDenied: not authorized to perform: cloudformation:DescribeChangeSet' } }]);
    expect(s3.calls()).toEqual([]);
  });

  test.each([
    ['none', null, 'UserParameters is empty: the review step needs stackName, changeSetName, account, region and roleArn'],
    ['cut short', '{"stackName":', 'UserParameters is not JSON: Unexpected end of JSON input'],
    ['a role of another account', userParameters({ roleArn: 'arn:aws:iam::444444444444:role/release-review' }), 'UserParameters.roleArn "arn:aws:iam::444444444444:role/release-review" is not in account 333333333333: the reviewer role is the target account\'s own'],
    ['an unknown failOn flag', userParameters({ failOn: ['everything'] }), 'UserParameters.failOn has "everything"; it takes data-loss, permissions and nested-stack'],
    ['an acknowledgement without a flag', userParameters({ acknowledge: ['Database'] }), 'acknowledgement "Database" is not flag:LogicalId with flag data-loss, permissions or nested-stack (e.g. data-loss:Database, permissions:*)'],
  ])('UserParameters: %s: a configuration error, and no AWS call', async (_, parameters, message) => {
    await runReviewJob(job(parameters), clients, timing());
    expect(failure()).toEqual([{ jobId: JOB_ID, failureDetails: { type: 'ConfigurationError', message } }]);
    expect([...sts.calls(), ...cloudFormation.calls(), ...s3.calls()]).toEqual([]);
  });
});

describe('runReviewJobWithin', () => {
  test('reports a failure itself when the work outlasts the time, and nothing after it', async () => {
    let answer: (() => void) | undefined;
    cloudFormation.on(DescribeChangeSetCommand).callsFake(() => new Promise((resolve) => { answer = () => resolve(tagsOnlyPage); }));
    const result = await runReviewJobWithin(job(), clients, { remaining: () => 0, sleep: async () => undefined });
    expect(result).toEqual({ jobId: JOB_ID, result: 'failed', message: 'Timed out: the review did not finish within the function\'s time; see its log, then run the stage again.', describeCalls: 0, pipeline: PIPELINE });
    answer?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand', 'PutJobFailureResultCommand']);
  });

  test('in time: the job\'s own result, once', async () => {
    await expect(runReviewJobWithin(job(), clients, timing())).resolves.toMatchObject({ result: 'succeeded', describeCalls: 2 });
    expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand', 'PutJobSuccessResultCommand']);
  });

  test('a job of another function: nothing reported, not even when the time is up', async () => {
    codepipeline.on(GetJobDetailsCommand).resolves(jobDetails(userParameters(), { functionName: 'deploy-notifier' }));
    await expect(runReviewJobWithin(jobEvent(), clients, { remaining: () => 0, sleep: async () => undefined })).resolves.toEqual({
      jobId: JOB_ID, result: 'refused', describeCalls: 0,
      message: `Nothing reported: job ${JOB_ID} is not a job of this function (${FUNCTION_NAME}): its action AWS/Invoke/Lambda invokes "deploy-notifier".`,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand']);
  });
});

describe('the job comes from CodePipeline, not from the invocation event', () => {
  test('a crafted event whose UserParameters differ from the job\'s: the job\'s own change set, failOn and acknowledgements decide', async () => {
    codepipeline.on(GetJobDetailsCommand, { jobId: JOB_ID }).resolves(jobDetails(userParameters({ failOn: ['data-loss'] })));
    const crafted = jobEvent(userParameters({ stackName: 'harmless', changeSetName: 'nothing', failOn: [], acknowledge: ['data-loss:*'] }));
    await expect(runReviewJob(crafted, clients, timing())).resolves.toMatchObject({ result: 'failed' });
    expect(cloudFormation.commandCalls(DescribeChangeSetCommand).map((c) => c.args[0].input)).toEqual([DESCRIBE, { ...DESCRIBE, NextToken: 'eyJwYWdlIjoyfQ==' }]);
    expect(codepipeline.commandCalls(PutJobSuccessResultCommand)).toEqual([]);
    expect(codepipeline.commandCalls(PutJobFailureResultCommand).map((c) => c.args[0].input)).toEqual([{
      jobId: JOB_ID,
      failureDetails: {
        type: 'JobFailed',
        message: 'The change set "release" of stack "app-prod" (account 333333333333, eu-west-1) has 3 changes not acknowledged: '
          + 'data-loss: AWS::RDS::DBInstance Database (database, replaced); data-loss: AWS::SQS::Queue ExportQueue (queued messages, removed); '
          + 'nested-stack: AWS::CloudFormation::Stack NetworkStack (its changes are in its own change set). '
          + 'Review the report; to release it anyway, acknowledge data-loss:Database, data-loss:ExportQueue, nested-stack:NetworkStack.',
      },
    }]);
  });

  test('a crafted event whose artifact location and credentials differ from the job\'s: the report goes where the job says', async () => {
    codepipeline.on(GetJobDetailsCommand, { jobId: JOB_ID }).resolves(jobDetails());
    const event = jobEvent() as unknown as { 'CodePipeline.job': { id: string; data: Record<string, unknown> } };
    const crafted = { 'CodePipeline.job': { ...event['CodePipeline.job'], data: {
      ...event['CodePipeline.job'].data,
      outputArtifacts: [{ name: 'x', location: { type: 'S3', s3Location: { bucketName: 'attacker-bucket', objectKey: 'k' } } }],
      artifactCredentials: { accessKeyId: 'ASIAATTACKER', secretAccessKey: 's', sessionToken: 't' },
    } } };
    await runReviewJob(crafted as unknown as CodePipelineJobEvent, clients, timing());
    expect(s3For.mock.calls).toEqual([[ARTIFACT_CREDENTIALS]]);
    expect(s3.commandCalls(PutObjectCommand).map((c) => [c.args[0].input.Bucket, c.args[0].input.Key])).toEqual([[ARTIFACT_BUCKET, ARTIFACT_KEY]]);
  });

  test.each([
    ['a job of another function', () => codepipeline.on(GetJobDetailsCommand).resolves(jobDetails(userParameters(), { functionName: 'arn:aws:lambda:us-east-1:111111111111:function:deploy-notifier' })),
      `job ${JOB_ID} is not a job of this function (${FUNCTION_NAME}): its action AWS/Invoke/Lambda invokes "arn:aws:lambda:us-east-1:111111111111:function:deploy-notifier"`],
    ['a job of a custom action', () => codepipeline.on(GetJobDetailsCommand).resolves({ jobDetails: { id: JOB_ID, data: { ...jobDetails().jobDetails!.data, actionTypeId: { category: 'Deploy', owner: 'Custom', provider: 'Deployer', version: '1' } } } }),
      `job ${JOB_ID} is not a job of this function (${FUNCTION_NAME}): its action Custom/Deploy/Deployer invokes "${FUNCTION_NAME}"`],
  ])('%s: refused, nothing reported and nothing read', async (_, answer, reason) => {
    answer();
    await expect(runReviewJob(jobEvent(), clients, timing())).resolves.toEqual({ jobId: JOB_ID, result: 'refused', message: `Nothing reported: ${reason}.`, describeCalls: 0 });
    expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand']);
    expect([...sts.calls(), ...cloudFormation.calls(), ...s3.calls()]).toEqual([]);
  });

  describe('where GetJobDetails does not answer for the job (the API reference describes it for custom actions)', () => {
    const notFound = () => codepipeline.on(GetJobDetailsCommand).rejects(Object.assign(new Error('The job was not found.'), { name: 'JobNotFoundException' }));

    test('the event\'s job is reviewed, as every Lambda invoke action reads it, and the result says why', async () => {
      notFound();
      await expect(runReviewJob(jobEvent(), clients, timing())).resolves.toEqual({
        jobId: JOB_ID, result: 'succeeded', message: SUMMARY, describeCalls: 2, pipeline: { name: '', stage: '', action: '' },
        jobFromEvent: 'JobNotFoundException: The job was not found.',
      });
      expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand', 'PutJobSuccessResultCommand']);
    });

    test('an event whose job invokes another function is still refused, and nothing is reported', async () => {
      notFound();
      const other = 'arn:aws:lambda:us-east-1:111111111111:function:deploy-notifier';
      await expect(runReviewJob(jobEvent(userParameters(), { functionName: other }), clients, timing())).resolves.toEqual({
        jobId: JOB_ID, result: 'refused', describeCalls: 0,
        message: `Nothing reported: job ${JOB_ID} is not a job of this function (${FUNCTION_NAME}): its action of no type invokes "${other}".`,
      });
      expect(codepipeline.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetJobDetailsCommand']);
    });

    test('an event without the job\'s data is refused', async () => {
      notFound();
      await expect(runReviewJob({ 'CodePipeline.job': { id: JOB_ID } }, clients, timing())).resolves.toEqual({
        jobId: JOB_ID, result: 'refused', describeCalls: 0,
        message: `Nothing reported: could not read job ${JOB_ID} with GetJobDetails (JobNotFoundException: The job was not found.), and the event carries no job data.`,
      });
    });
  });

  test('an event without a job ID: refused before any call', async () => {
    await expect(runReviewJob({ 'CodePipeline.job': { id: 'not-a-job' } }, clients, timing())).resolves.toEqual({
      jobId: 'not-a-job', result: 'refused', message: 'Nothing reported: the event names no CodePipeline job ID.', describeCalls: 0,
    });
    expect(codepipeline.calls()).toEqual([]);
  });

  test('an ARN with an alias names the function too', async () => {
    await expect(runReviewJob(job(userParameters(), { functionName: `arn:aws:lambda:us-east-1:111111111111:function:${FUNCTION_NAME}:live` }), clients, timing())).resolves.toMatchObject({ result: 'succeeded' });
  });
});

test('the Markdown report names a nested stack\'s own change set below the table', async () => {
  await runReviewJob(job(), clients, timing());
  expect(reportOf()['change-set-review.md']).toContain('\nNested stack NetworkStack: its own changes are in change set arn:aws:cloudformation:eu\\-west\\-1:333333333333:changeSet/release\\-NetworkStack\\-1XYZ/1e2f3a40\\-2c1b\\-11f0\\-b5c6\\-0d7e8f9a0b1c\n');
});
