import * as fs from 'fs';
import { AwsJsonServer } from './loopback/aws-json-server';
import { cliEnv, makeAwsHome } from './loopback/cli-env';
import { FakeAws, FakeAction } from './loopback/fake-aws';
import { PROD_ROLE, TEST_ROLE } from './loopback/walkthrough';
import { ensureBuiltCli, runPipectl } from './built-cli';

const cfn = (name: string, mode: string, stack: string, extra: Partial<FakeAction> = {}): FakeAction => ({
  name,
  configuration: { ActionMode: mode, StackName: stack, ...(mode === 'CHANGE_SET_REPLACE' || mode === 'CHANGE_SET_EXECUTE' ? { ChangeSetName: 'release' } : {}) },
  ...extra,
});

let server: AwsJsonServer;
let endpoint: string;
let home: string;

beforeAll(async () => {
  ensureBuiltCli();
  home = makeAwsHome();
  const fake = new FakeAws().add({
    name: 'Release',
    account: '111111111111',
    region: 'us-east-1',
    version: 1,
    executions: [],
    stages: [
      { name: 'Source', actions: [{ name: 'Template', type: { category: 'Source', provider: 'S3' }, configuration: { S3Bucket: 'b', S3ObjectKey: 'k' } }] },
      // runOrder puts the support stack first although it is declared second.
      { name: 'Build', actions: [cfn('Tools', 'CREATE_UPDATE', 'release-tools', { runOrder: 2 }), cfn('Support', 'CREATE_UPDATE', 'release-support')] },
      {
        name: 'TestStage',
        actions: [
          cfn('CreateStack', 'REPLACE_ON_FAILURE', 'app-test', { roleArn: TEST_ROLE }),
          { name: 'ApproveTestStack', type: { category: 'Approval', provider: 'Manual' } },
          cfn('DeleteTestStack', 'DELETE_ONLY', 'app-test', { roleArn: TEST_ROLE, runOrder: 3 }),
        ],
      },
      {
        name: 'ProdStage',
        actions: [
          cfn('CreateChangeSet', 'CHANGE_SET_REPLACE', 'app-prod', { roleArn: PROD_ROLE, region: 'eu-west-1' }),
          cfn('ExecuteChangeSet', 'CHANGE_SET_EXECUTE', 'app-prod', { roleArn: PROD_ROLE, region: 'eu-west-1', runOrder: 2 }),
        ],
      },
    ],
  });
  server = new AwsJsonServer(fake.handlers());
  endpoint = await server.listen();
}, 200_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

const pipectl = (args: string[]) => runPipectl(args, cliEnv(home, endpoint));

test('stacks: every stack the CloudFormation actions deploy, per account and Region, in the order to delete them', async () => {
  const run = await pipectl(['stacks', 'Release']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      'Pipeline Release (account 111111111111, us-east-1): 4 CloudFormation stacks, in the order to delete them',
      '┌───┬──────────────┬───────────┬─────────────────┬───────────────────────────────────────────────┬────────────────────────────────────────┐',
      '│ # │ Account      │ Region    │ Stack           │ Actions                                       │ Note                                   │',
      '├───┼──────────────┼───────────┼─────────────────┼───────────────────────────────────────────────┼────────────────────────────────────────┤',
      '│ 1 │ 333333333333 │ eu-west-1 │ app-prod        │ ProdStage/CreateChangeSet CHANGE_SET_REPLACE  │                                        │',
      '│   │              │           │                 │ ProdStage/ExecuteChangeSet CHANGE_SET_EXECUTE │                                        │',
      '├───┼──────────────┼───────────┼─────────────────┼───────────────────────────────────────────────┼────────────────────────────────────────┤',
      '│ 2 │ 222222222222 │ us-east-1 │ app-test        │ TestStage/CreateStack REPLACE_ON_FAILURE      │ the pipeline deletes it (DELETE_ONLY): │',
      '│   │              │           │                 │ TestStage/DeleteTestStack DELETE_ONLY         │ it exists only if a run stopped before │',
      '├───┼──────────────┼───────────┼─────────────────┼───────────────────────────────────────────────┼────────────────────────────────────────┤',
      '│ 3 │ 111111111111 │ us-east-1 │ release-tools   │ Build/Tools CREATE_UPDATE                     │                                        │',
      '├───┼──────────────┼───────────┼─────────────────┼───────────────────────────────────────────────┼────────────────────────────────────────┤',
      '│ 4 │ 111111111111 │ us-east-1 │ release-support │ Build/Support CREATE_UPDATE                   │                                        │',
      '└───┴──────────────┴───────────┴─────────────────┴───────────────────────────────────────────────┴────────────────────────────────────────┘',
      '',
    ].join('\n'),
  );
  const json = await pipectl(['stacks', 'Release', '--json']);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual({
    pipeline: 'Release',
    account: '111111111111',
    region: 'us-east-1',
    stacks: [
      {
        stackName: 'app-prod',
        account: '333333333333',
        region: 'eu-west-1',
        actions: [
          { stage: 'ProdStage', action: 'CreateChangeSet', mode: 'CHANGE_SET_REPLACE' },
          { stage: 'ProdStage', action: 'ExecuteChangeSet', mode: 'CHANGE_SET_EXECUTE' },
        ],
        deletedByPipeline: false,
      },
      {
        stackName: 'app-test',
        account: '222222222222',
        region: 'us-east-1',
        actions: [
          { stage: 'TestStage', action: 'CreateStack', mode: 'REPLACE_ON_FAILURE' },
          { stage: 'TestStage', action: 'DeleteTestStack', mode: 'DELETE_ONLY' },
        ],
        deletedByPipeline: true,
      },
      { stackName: 'release-tools', account: '111111111111', region: 'us-east-1', actions: [{ stage: 'Build', action: 'Tools', mode: 'CREATE_UPDATE' }], deletedByPipeline: false },
      { stackName: 'release-support', account: '111111111111', region: 'us-east-1', actions: [{ stage: 'Build', action: 'Support', mode: 'CREATE_UPDATE' }], deletedByPipeline: false },
    ],
  });
  expect(server.calls('GetPipeline').map((r) => r.input)).toEqual([{ name: 'Release' }, { name: 'Release' }]);
});

test('stacks of a pipeline that does not exist: one line, exit 1', async () => {
  expect(await pipectl(['stacks', 'Nope'])).toEqual({ code: 1, stdout: '', stderr: 'pipectl: pipeline "Nope" not found: check the name, --region and --profile\n' });
});
