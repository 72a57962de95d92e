import { FakePipeline } from './fake-aws';

/** The walkthrough's pipeline as the loopback endpoint serves it, and its accounts and key. */
export const FAILED_EXEC = '11111111-1111-4111-8111-111111111111';
export const TOKEN = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const TEST_ROLE = 'arn:aws:iam::222222222222:role/test-cfn-action';
export const PROD_ROLE = 'arn:aws:iam::333333333333:role/prod-cfn-action';

export function walkthrough(): FakePipeline {
  return {
    name: 'Walkthrough',
    account: '111111111111',
    region: 'us-east-1',
    version: 3,
    artifactKey: KEY,
    executions: [{ id: FAILED_EXEC, version: 3, script: ['InProgress'] }],
    stages: [
      { name: 'Source', status: 'Succeeded', executionId: FAILED_EXEC, actions: [{ name: 'TemplateSource', status: 'Succeeded' }] },
      {
        name: 'TestStage',
        status: 'InProgress',
        executionId: FAILED_EXEC,
        actions: [
          { name: 'CreateStack', status: 'Succeeded', roleArn: TEST_ROLE },
          { name: 'ApproveTestStack', status: 'InProgress', token: TOKEN },
          { name: 'DeleteTestStack', roleArn: TEST_ROLE },
        ],
      },
      {
        name: 'ProdStage',
        status: 'Failed',
        executionId: FAILED_EXEC,
        actions: [
          { name: 'CreateChangeSet', status: 'Failed', error: 'Template format error', roleArn: PROD_ROLE },
          { name: 'ExecuteChangeSet', roleArn: PROD_ROLE },
        ],
      },
    ],
  };
}

export function keyPolicy(...accounts: string[]): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'CrossAccount', Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
    ],
  };
}
