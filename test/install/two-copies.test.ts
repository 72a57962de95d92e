/**
 * An app that links this library (`npm install ../cdk-delivery-pipelines`) loads two copies of
 * aws-cdk-lib: the app's, and the one in the library's own node_modules. Here the library is loaded
 * with the repository's aws-cdk-lib, and the app is written with a second copy at another path (hard
 * links to the same files, so it costs no space), whose classes are not those the library sees.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdkForLibrary from 'aws-cdk-lib';
import * as iamForLibrary from 'aws-cdk-lib/aws-iam';
import { PipelineChecks, DeploymentTarget, PipelineIdentity, ReleasePipeline, ReleaseSource, TestStackStage } from '../../lib';

interface AppCopy {
  cdk: typeof import('aws-cdk-lib');
  iam: typeof import('aws-cdk-lib/aws-iam');
  s3: typeof import('aws-cdk-lib/aws-s3');
  codepipeline: typeof import('aws-cdk-lib/aws-codepipeline');
  actions: typeof import('aws-cdk-lib/aws-codepipeline-actions');
  assertions: typeof import('aws-cdk-lib/assertions');
}

/** Copies a directory tree as hard links where the file system allows, else as copies. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else {
      try { fs.linkSync(source, target); } catch { fs.copyFileSync(source, target); }
    }
  }
}

let copyRoot: string;

function secondCopy(): AppCopy {
  copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'second-aws-cdk-lib-'));
  const modules = path.join(copyRoot, 'node_modules');
  // aws-cdk-lib, constructs, and the dependencies aws-cdk-lib does not bundle (npm hoists them).
  const cdkLib = require('aws-cdk-lib/package.json');
  const unbundled = Object.keys(cdkLib.dependencies).filter((name) => !cdkLib.bundleDependencies.includes(name));
  for (const name of ['aws-cdk-lib', 'constructs', ...unbundled]) {
    linkTree(path.dirname(require.resolve(`${name}/package.json`)), path.join(modules, name));
  }
  const load = (id: string) => require(path.join(modules, id));
  return {
    cdk: load('aws-cdk-lib'),
    iam: load('aws-cdk-lib/aws-iam'),
    s3: load('aws-cdk-lib/aws-s3'),
    codepipeline: load('aws-cdk-lib/aws-codepipeline'),
    actions: load('aws-cdk-lib/aws-codepipeline-actions'),
    assertions: load('aws-cdk-lib/assertions'),
  };
}

afterAll(() => fs.rmSync(copyRoot, { recursive: true, force: true }));

const app = secondCopy();
const env = { account: '111111111111', region: 'us-east-1' };
const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });

describe('the library with the app\'s constructs from a second copy of aws-cdk-lib', () => {
  test('the copies are distinct: the app\'s objects are no instances of the library\'s classes', () => {
    expect(new app.cdk.App() instanceof cdkForLibrary.App).toBe(false);
    expect(new app.iam.PolicyStatement() instanceof iamForLibrary.PolicyStatement).toBe(false);
  });

  test('a DeploymentTarget writes the app\'s PolicyStatements as IAM JSON, no internals', () => {
    const root = new app.cdk.App();
    const target = new DeploymentTarget(root, 'Target', {
      identity,
      account: '222222222222',
      executionStatements: [new app.iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: ['arn:aws:sqs:us-east-1:222222222222:orders'] })],
    });
    target.allowStack('orders-test');
    target.addToExecutionRolePolicy(new app.iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['arn:aws:sns:us-east-1:222222222222:orders'] }));
    const policies = app.assertions.Template.fromStack(target as never).findResources('AWS::IAM::Policy');
    const execution = Object.entries(policies).find(([id]) => id.startsWith('ExecutionRole'))![1] as any;
    expect(execution.Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sqs:CreateQueue', Resource: 'arn:aws:sqs:us-east-1:222222222222:orders' },
        { Effect: 'Allow', Action: 'sns:CreateTopic', Resource: 'arn:aws:sns:us-east-1:222222222222:orders' },
      ],
    });
  });

  test('PipelineChecks.of(app) checks a plain pipeline of the app\'s copy and reports its error', () => {
    const root = new app.cdk.App();
    const stack = new app.cdk.Stack(root, 'Release', { env });
    const bucket = new app.s3.Bucket(stack, 'Source', { versioned: true });
    const source = new app.codepipeline.Artifact('Source');
    new app.codepipeline.Pipeline(stack, 'Pipeline', {
      pipelineName: 'Release',
      pipelineType: app.codepipeline.PipelineType.V2,
      stages: [
        { stageName: 'Source', actions: [new app.actions.S3SourceAction({ actionName: 'Source', bucket, bucketKey: 'app.zip', output: source })] },
        { stageName: 'Deploy', actions: [new app.actions.CloudFormationCreateUpdateStackAction({ actionName: 'Deploy', stackName: '1-app', templatePath: source.atPath('app.yaml'), adminPermissions: false })] },
      ],
    });
    PipelineChecks.of(root as never);
    expect(() => root.synth()).toThrow(/^Validation failed with the following errors:\n {2}\[Release\/Pipeline\] \[cfn-stack-name\] stage "Deploy", action "Deploy": StackName "1-app" /);
  });

  test('a ReleasePipeline reading an unversioned bucket of another stack of the app\'s copy fails synth', () => {
    const root = new app.cdk.App();
    const buckets = new app.cdk.Stack(root, 'Buckets', { env });
    const bucket = new app.s3.Bucket(buckets, 'Unversioned');
    const stack = new app.cdk.Stack(root, 'Pipeline', { env });
    const executionRole = new app.iam.Role(stack, 'ExecutionRole', { assumedBy: new app.iam.ServicePrincipal('cloudformation.amazonaws.com') });
    new ReleasePipeline(stack as never, 'Release', {
      pipelineName: 'release',
      source: ReleaseSource.s3({ bucket: bucket as never, key: 'app.zip' }),
      stages: [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole: executionRole as never })],
    });
    expect(() => root.synth()).toThrow('[s3-source-bucket] the S3 source reads bucket Buckets/Unversioned, which is not versioned: enable versioning on the bucket (versioned: true).');
  });
});
