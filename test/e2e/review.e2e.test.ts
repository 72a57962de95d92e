import { ensureBuiltCli, runPipectl } from './built-cli';
import { AwsJsonServer } from './loopback/aws-json-server';
import { AwsQueryServer } from './loopback/aws-query-server';
import { CALLER_KEY, REVIEW_ROLE, ReviewWorld, TOKEN, manyChanges, startReviewWorld } from './loopback/review-world';

let world: ReviewWorld;
let codepipeline: AwsJsonServer;
let query: AwsQueryServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuiltCli();
  world = await startReviewWorld();
  ({ codepipeline, query, env } = world);
}, 200_000);

afterAll(() => world.close());

beforeEach(() => {
  query.requests.length = 0;
  codepipeline.requests.length = 0;
});

afterEach(() => {
  expect(query.malformed).toEqual([]);
  expect(codepipeline.malformed).toEqual([]);
});

test('review: the change sets of a wave, each read in its account and Region, then the approve and reject commands', async () => {
  const run = await runPipectl(['review', 'Release', 'ProdStage', '--role-name', 'release-review'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      'Pipeline Release, stage ProdStage: 2 change sets, 5 changes (3 Modify, 1 Add, 1 Remove); data-loss: AWS::RDS::DBInstance Database (database, replaced), AWS::SQS::Queue ExportQueue (queued messages, removed); permissions: 2; nested-stack: 1',
      '',
      'Change set release of stack app-tools (account 111111111111, us-east-1): no changes: the template and parameters match the deployed stack',
      '',
      'Change set release of stack app-prod (account 333333333333, eu-west-1): ready to execute',
      '5 changes: 3 Modify, 1 Add, 1 Remove; flagged: 2 data-loss, 2 permissions, 1 nested-stack',
      '┌────────┬─────────────────────┬────────────────────────────┬──────────────────────────┬─────────────────────────────────┬─────────────────────────────────────────────────────┐',
      '│ Action │ Logical ID          │ Type                       │ Replacement              │ Changed properties              │ Flags                                               │',
      '├────────┼─────────────────────┼────────────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────────────────────┤',
      '│ Modify │ Database            │ AWS::RDS::DBInstance       │ True                     │ DBInstanceIdentifier (replaces) │ data-loss: database, replaced                       │',
      '│        │                     │                            │ policy: ReplaceAndDelete │ DBInstanceClass (may replace)   │                                                     │',
      '├────────┼─────────────────────┼────────────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────────────────────┤',
      '│ Add    │ ReportsRole         │ AWS::IAM::Role             │ -                        │                                 │ permissions: IAM role                               │',
      '├────────┼─────────────────────┼────────────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────────────────────┤',
      '│ Modify │ UploadsBucketPolicy │ AWS::S3::BucketPolicy      │ False                    │ PolicyDocument                  │ permissions: bucket policy                          │',
      '├────────┼─────────────────────┼────────────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────────────────────┤',
      '│ Remove │ ExportQueue         │ AWS::SQS::Queue            │ -                        │                                 │ data-loss: queued messages, removed                 │',
      '│        │                     │                            │ policy: Delete           │                                 │                                                     │',
      '├────────┼─────────────────────┼────────────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────────────────────┤',
      '│ Modify │ NetworkStack        │ AWS::CloudFormation::Stack │ False                    │ TemplateURL                     │ nested-stack: its changes are in its own change set │',
      '└────────┴─────────────────────┴────────────────────────────┴──────────────────────────┴─────────────────────────────────┴─────────────────────────────────────────────────────┘',
      'Nested stack NetworkStack: its own changes are in change set arn:aws:cloudformation:eu-west-1:333333333333:changeSet/release-NetworkStack-1XYZ/1e2f3a40-2c1b-11f0-b5c6-0d7e8f9a0b1c',
      '',
      'Pending approval: ProdStage/ApproveChangeSets',
      '  approve: pipectl approve Release ProdStage ApproveChangeSets',
      '  reject:  pipectl reject Release ProdStage ApproveChangeSets',
      '',
    ].join('\n'),
  );
  // The role is assumed with the caller's key through STS in the change set's Region; the production
  // change set is read with the session's key, the tools one with the caller's.
  expect(query.requests.map((r) => [r.service, r.operation, r.region, r.accessKeyId.startsWith('ASIA') ? 'session' : r.accessKeyId, r.params.StackName ?? r.params.RoleArn])).toEqual(
    expect.arrayContaining([
      ['sts', 'AssumeRole', 'eu-west-1', CALLER_KEY, REVIEW_ROLE],
      ['cloudformation', 'DescribeChangeSet', 'us-east-1', CALLER_KEY, 'app-tools'],
      ['cloudformation', 'DescribeChangeSet', 'eu-west-1', 'session', 'app-prod'],
    ]),
  );
  expect(query.requests).toHaveLength(3);
  expect(query.calls('AssumeRole')[0].params).toEqual({ RoleArn: REVIEW_ROLE, RoleSessionName: 'pipectl-review', DurationSeconds: '900' });
  expect(codepipeline.requests.map((r) => r.operation).sort()).toEqual(['GetPipeline', 'GetPipelineState']);
});

test('review of 500 changes: read page by page (100 a page here), counted in one line', async () => {
  const run = await runPipectl(['review', 'Release', 'BigStage', '--role-name', 'release-review', '--json'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report.summary).toBe(
    '1 change set, 500 changes (250 Add, 125 Modify, 125 Remove); data-loss: AWS::SQS::Queue Queue3 (queued messages, removed), ' +
      'AWS::SQS::Queue Queue7 (queued messages, removed), AWS::SQS::Queue Queue11 (queued messages, removed) and 122 more; permissions: 125',
  );
  expect(report.changeSets[0].review.changes.map((c: { logicalId: string }) => c.logicalId)).toEqual(manyChanges(500).map((c) => c.ResourceChange!.LogicalResourceId));
  expect(report.changeSets[0].calls).toBe(5);
  expect(report.changeSets[0].review.changes).toHaveLength(500);
  expect(report.changeSets[0].review.changes[499].logicalId).toBe('Queue499');
  expect(query.calls('DescribeChangeSet').map((r) => r.params.NextToken)).toEqual([undefined, 'page-100', 'page-200', 'page-300', 'page-400']);
  expect(report.pendingApprovals).toEqual([]);
});

test('a reviewer role that cannot be assumed: one line, exit 1', async () => {
  const run = await runPipectl(['review', 'Release', 'ProdStage', '--role-name', 'not-the-reviewer'], env);
  expect(run).toEqual({
    code: 1,
    stdout: '',
    stderr:
      'pipectl: stage "ProdStage" of pipeline "Release": access denied: User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/not-the-reviewer-eu-west-1 ' +
      '(reading change set "release" of stack "app-prod" (account 333333333333, eu-west-1) as arn:aws:iam::333333333333:role/not-the-reviewer-eu-west-1)\n',
  });
});

test('approve --review --yes: the review, then the approval', async () => {
  const run = await runPipectl(['approve', 'Release', 'ProdStage', 'ApproveChangeSets', '--review', '--yes', '--role-name', 'release-review'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.split('\n')[0]).toMatch(/^Pipeline Release, stage ProdStage: 2 change sets, 5 changes/);
  expect(run.stdout.endsWith('\nApproved action "ApproveChangeSets" in stage "ProdStage" of pipeline "Release"\n')).toBe(true);
  expect(codepipeline.calls('PutApprovalResult').map((r) => r.input)).toEqual([
    { pipelineName: 'Release', stageName: 'ProdStage', actionName: 'ApproveChangeSets', token: TOKEN, result: { status: 'Approved', summary: 'Approved with pipectl' } },
  ]);
});

test('approve --review without a terminal and without --yes: refused, nothing called', async () => {
  const run = await runPipectl(['approve', 'Release', 'BigStage', 'ApproveBig', '--review'], env);
  expect(run).toEqual({
    code: 2,
    stdout: '',
    stderr: 'pipectl: --review asks before it approves, and stdin is not a terminal: pass --yes to approve after printing the review without asking\n',
  });
  expect(codepipeline.requests).toEqual([]);
});
