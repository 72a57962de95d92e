import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { ChangeInput } from '../../lib/review/change-set-review';
import { reviewHandlerFolder } from '../../lib/review/step/handler-asset';
import { ReviewStepEndpoint } from './loopback/review-step-endpoint';
import { ARTIFACT_BUCKET, ARTIFACT_CREDENTIALS, ARTIFACT_KEY, JOB_ID, KEY_ARN, REVIEWER_CREDENTIALS, ROLE_ARN, firstPage, jobEvent, userParameters } from '../review/step/job-fixtures';
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
test('the built function reviews a change set of 500 changes: AssumeRole, 5 pages, the report, the result', async () => {
  const endpoint = new ReviewStepEndpoint({
    credentials: REVIEWER_CREDENTIALS,
    pages: (token) => {
      const page = token === undefined ? 0 : Number(token);
      const next = page + 1 < CHANGES.length / PAGE ? String(page + 1) : undefined;
      return { ...header, Changes: CHANGES.slice(page * PAGE, (page + 1) * PAGE), ...(next ? { NextToken: next } : {}) };
    },
  });
  const url = await endpoint.listen();
  try {
    const event = jobEvent(userParameters({ failOn: ['permissions'], acknowledge: ['permissions:*'] }));
    const script = `require(${JSON.stringify(path.join(reviewHandlerFolder(), 'index.js'))}).handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 120000 })`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      env: {
        PATH: process.env.PATH, AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: FUNCTION_KEY, AWS_SECRET_ACCESS_KEY: 'function-secret', AWS_SESSION_TOKEN: 'function-token',
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      jobId: JOB_ID,
      result: 'succeeded',
      message: '500 changes (167 Modify, 167 Add, 166 Remove); data-loss: AWS::RDS::DBInstance Database0 (database, replaced), AWS::SQS::Queue ExportQueue2 (queued messages, removed), AWS::RDS::DBInstance Database3 (database, replaced), AWS::SQS… (the report has the rest)',
      describeCalls: 5,
    });
    expect(endpoint.calls.map((c) => [c.service, c.operation, c.accessKeyId, c.region])).toEqual([
      ['sts', 'AssumeRole', FUNCTION_KEY, 'us-east-1'],
      ...Array.from({ length: 5 }, () => ['cloudformation', 'DescribeChangeSet', REVIEWER_CREDENTIALS.AccessKeyId, 'eu-west-1']),
      ['s3', 'PutObject', ARTIFACT_CREDENTIALS.accessKeyId, 'us-east-1'],
      ['codepipeline', 'PutJobSuccessResult', FUNCTION_KEY, 'us-east-1'],
    ]);
    expect(endpoint.calls[0].input).toEqual({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: ROLE_ARN, RoleSessionName: `review-${JOB_ID}`, DurationSeconds: '900' });
    expect(endpoint.calls.slice(1, 6).map((c) => c.input.NextToken)).toEqual([undefined, '1', '2', '3', '4']);
    const put = endpoint.calls[6];
    expect(put.input).toEqual({ Bucket: ARTIFACT_BUCKET, Key: ARTIFACT_KEY, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN, ContentType: 'application/zip' });
    const report = JSON.parse(readZip(put.body!)['change-set-review.json']);
    expect(report.review.changes).toHaveLength(500);
    expect(report.result).toBe('passed');
    const result = endpoint.calls[7].input as { jobId: string; outputVariables: Record<string, string> };
    expect(result.jobId).toBe(JOB_ID);
    expect(result.outputVariables).toMatchObject({ State: 'ready', ChangeCount: '500', DataLossCount: '333', PermissionCount: '167' });
  } finally {
    await endpoint.close();
  }
});
