import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { ChangeInput } from '../../lib/review/change-set-review';
import { reviewHandlerFolder } from '../../lib/review/step/handler-asset';
import { ReviewStepEndpoint } from './loopback/review-step-endpoint';
import { ARTIFACT_BUCKET, ARTIFACT_CREDENTIALS, ARTIFACT_KEY, FUNCTION_NAME, JOB_ID, KEY_ARN, REVIEWER_CREDENTIALS, ROLE_ARN, firstPage, jobDetails, jobEvent, userParameters } from '../review/step/job-fixtures';
import { databaseReplaced, queueRemoved, roleAdded } from '../review/change-set-fixtures';
import { readZip } from '../review/step/read-zip';

/** 500 changes, 100 a page: each a copy of a fixture change under its own logical ID. */
const CHANGES: ChangeInput[] = Array.from({ length: 500 }, (_, i) => {
  const base = [databaseReplaced, roleAdded, queueRemoved][i % 3];
  return { ...base, ResourceChange: { ...base.ResourceChange, LogicalResourceId: `${base.ResourceChange!.LogicalResourceId}${i}` } };
});
const PAGE = 100;
const { Changes: _changes, NextToken: _token, ...header } = firstPage;

const FUNCTION_KEY = 'ASIAFUNCTIONROLEEXMP';

/**
 * The built function (dist/lib/review-step/index.js, as a user's app deploys it) in a Node process of
 * its own, as Lambda runs it, against the loopback endpoint: every SDK call goes over HTTP in the
 * service's own protocol.
 */
/** The built function run once in a Node process of its own, as Lambda runs it; its log line. */
async function runFunction(url: string, event: unknown): Promise<{ stdout: string; stderr: string }> {
  const script = `require(${JSON.stringify(path.join(reviewHandlerFolder(), 'index.js'))}).handler(${JSON.stringify(event)}, { functionName: ${JSON.stringify(FUNCTION_NAME)}, getRemainingTimeInMillis: () => 120000 })`
    + '.catch((e) => { process.stderr.write(`FAILED ${e.message}`); process.exitCode = 1; })';
  return promisify(execFile)(process.execPath, ['-e', script], {
    env: {
      PATH: process.env.PATH, AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1',
      AWS_ACCESS_KEY_ID: FUNCTION_KEY, AWS_SECRET_ACCESS_KEY: 'function-secret', AWS_SESSION_TOKEN: 'function-token',
    },
  }).catch((error: { stdout: string; stderr: string }) => ({ stdout: error.stdout, stderr: error.stderr }));
}

test('the built function reviews a change set of 500 changes: GetJobDetails, AssumeRole, 5 pages, the report, the result', async () => {
  const parameters = userParameters({ failOn: ['permissions'], acknowledge: ['permissions:*'] });
  const endpoint = new ReviewStepEndpoint({
    credentials: REVIEWER_CREDENTIALS,
    jobDetails: jobDetails(parameters) as Record<string, unknown>,
    pages: (token) => {
      const page = token === undefined ? 0 : Number(token);
      const next = page + 1 < CHANGES.length / PAGE ? String(page + 1) : undefined;
      return { ...header, Changes: CHANGES.slice(page * PAGE, (page + 1) * PAGE), ...(next ? { NextToken: next } : {}) };
    },
  });
  const url = await endpoint.listen();
  try {
    // The event says to fail on nothing: the job's own configuration decides.
    const { stdout } = await runFunction(url, jobEvent(userParameters()));
    expect(JSON.parse(stdout)).toEqual({
      jobId: JOB_ID,
      result: 'succeeded',
      message: '500 changes (167 Modify, 167 Add, 166 Remove); data-loss: AWS::RDS::DBInstance Database0 (database, replaced), AWS::SQS::Queue ExportQueue2 (queued messages, removed), AWS::RDS::DBInstance Database3 (database, replaced), AWS::SQS… (the report has the rest)',
      describeCalls: 5,
      pipeline: { name: 'release', stage: 'Prod', action: 'ReviewChangeSet' },
    });
    expect(endpoint.calls.map((c) => [c.service, c.operation, c.accessKeyId, c.region])).toEqual([
      ['codepipeline', 'GetJobDetails', FUNCTION_KEY, 'us-east-1'],
      ['sts', 'AssumeRole', FUNCTION_KEY, 'us-east-1'],
      ...Array.from({ length: 5 }, () => ['cloudformation', 'DescribeChangeSet', REVIEWER_CREDENTIALS.AccessKeyId, 'eu-west-1']),
      ['s3', 'PutObject', ARTIFACT_CREDENTIALS.accessKeyId, 'us-east-1'],
      ['codepipeline', 'PutJobSuccessResult', FUNCTION_KEY, 'us-east-1'],
    ]);
    expect(endpoint.calls[0].input).toEqual({ jobId: JOB_ID });
    expect(endpoint.calls[1].input).toEqual({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: ROLE_ARN, RoleSessionName: `review-${JOB_ID}`, DurationSeconds: '900' });
    expect(endpoint.calls.slice(2, 7).map((c) => c.input.NextToken)).toEqual([undefined, '1', '2', '3', '4']);
    const put = endpoint.calls[7];
    expect(put.input).toEqual({ Bucket: ARTIFACT_BUCKET, Key: ARTIFACT_KEY, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN, ContentType: 'application/zip' });
    const report = JSON.parse(readZip(put.body!)['change-set-review.json']);
    expect(report.review.changes).toHaveLength(500);
    expect(report.result).toBe('passed');
    const result = endpoint.calls[8].input as { jobId: string; outputVariables: Record<string, string> };
    expect(result.jobId).toBe(JOB_ID);
    expect(result.outputVariables).toMatchObject({ State: 'ready', ChangeCount: '500', DataLossCount: '333', PermissionCount: '167' });
  } finally {
    await endpoint.close();
  }
});

test('the built function, invoked for a job of another function: reads the job, reports nothing, and the invocation fails', async () => {
  const endpoint = new ReviewStepEndpoint({ credentials: REVIEWER_CREDENTIALS, jobDetails: jobDetails(userParameters(), { functionName: 'deploy-notifier' }) as Record<string, unknown>, pages: () => ({}) });
  const url = await endpoint.listen();
  try {
    const { stdout, stderr } = await runFunction(url, jobEvent());
    const reason = `Nothing reported: job ${JOB_ID} is not a job of this function (${FUNCTION_NAME}): its action AWS/Invoke/Lambda invokes "deploy-notifier".`;
    expect(JSON.parse(stdout)).toEqual({ jobId: JOB_ID, result: 'refused', message: reason, describeCalls: 0 });
    expect(stderr).toBe(`FAILED ${reason}`);
    expect(endpoint.calls.map((c) => [c.service, c.operation])).toEqual([['codepipeline', 'GetJobDetails']]);
  } finally {
    await endpoint.close();
  }
});
