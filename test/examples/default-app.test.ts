import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { buildApp } from '../../examples';
import { withBuiltinValidation } from '../helpers/validation';

const context = { pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1' };

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath?: string }[] }[] }[];
}

/** Synthesizes `build`'s app with cdk-nag's AwsSolutions pack and aws-cdk-lib's CloudFormation validator. */
function synthWithChecks(build: (app: App) => void): { app: App; report: ValidationReport; error?: Error } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'default-app-'));
  const app = new App({ outdir, context });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  build(app);
  let error: Error | undefined;
  withBuiltinValidation(() => {
    try { app.synth(); } catch (e) { error = e as Error; }
  });
  const report = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
  return { app, report, error };
}

function findings(report: ValidationReport): string[] {
  return report.pluginReports.flatMap((r) => r.violations.flatMap((v) =>
    v.violatingConstructs.map((c) => `${r.pluginName} ${v.severity} ${v.ruleName} ${c.constructPath}`)));
}

function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))));
}

/** The grants aws-cdk-lib's pipeline and S3 source action make, acknowledged with evidence. */
const PIPELINE_GRANT_ACTIONS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

function pipelineAcknowledgments(stack: string, sourceAction: string): string[] {
  return [
    `${stack}/Artifacts/AccessLogs Annotation::AwsSolutions-S1`,
    ...PIPELINE_GRANT_ACTIONS.flatMap((a) => [
      `${stack}/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Action::${a}]`,
      `${sourceAction} Annotation::AwsSolutions-IAM5[Action::${a}]`,
    ]),
    `${stack}/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Resource::<ArtifactsBucket88671897.Arn>/*]`,
    `${sourceAction} Annotation::AwsSolutions-IAM5[Resource::<ArtifactsBucket88671897.Arn>/*]`,
  ];
}

function targetAcknowledgments(stack: string, account: string, stackName: string, artifactBucket: string): string[] {
  return [
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:cloudformation:us-east-1:${account}:stack/${stackName}/*]`,
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:us-east-1:111111111111:key/*]`,
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::${artifactBucket}/*]`,
  ];
}

function expectPassesAllChecks(build: (app: App) => void, stacks: string[], expectedAcknowledgments: string[]): void {
  const { app, report, error } = synthWithChecks(build);
  expect(error).toBeUndefined();
  expect(findings(report)).toEqual([]);
  expect(app.node.findAll().filter((c) => c instanceof Stack).map((s) => s.node.path)).toEqual(stacks);

  // Every acknowledged finding carries its evidence; the list is explicit so a new one is reviewed.
  const acks = acknowledgments(app);
  for (const ack of acks) expect(ack.reason.length).toBeGreaterThan(60);
  expect(acks.map((a) => `${a.path} ${a.id}`).sort()).toEqual([...expectedAcknowledgments].sort());
}

describe('the default app (bin/app.ts)', () => {
  test('the walkthrough passes cdk-nag AwsSolutions and the CloudFormation validator with no error and no warning', () => {
    const artifacts = 'wordpress-artifacts-111111111111-us-east-1';
    expectPassesAllChecks(buildApp, ['WordPressTestTarget', 'WordPressProdTarget', 'WordPressPipeline'], [
      ...pipelineAcknowledgments('WordPressPipeline', 'WordPressPipeline/Release/Pipeline/S3Source'),
      ...targetAcknowledgments('WordPressTestTarget', '222222222222', 'Test-MyWordPressSite', artifacts),
      ...targetAcknowledgments('WordPressProdTarget', '333333333333', 'Prod-MyWordPressSite', artifacts),
      // The WordPress template's EC2 resources get IDs at creation; the statement is held to the region.
      ...['WordPressTestTarget', 'WordPressProdTarget'].flatMap((stack) => [
        `${stack}/ExecutionRole Annotation::AwsSolutions-IAM5[Resource::*]`,
        `${stack}/ExecutionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/*]`,
      ]),
    ]);
  });

  test('the cross-account example (-c example=cross-account) passes them too', () => {
    const artifacts = 'sample-app-artifacts-111111111111-us-east-1';
    const build = (app: App) => {
      app.node.setContext('example', 'cross-account');
      buildApp(app);
    };
    expectPassesAllChecks(build, ['SampleAppTestTarget', 'SampleAppProdTarget', 'SampleAppPipeline'], [
      ...pipelineAcknowledgments('SampleAppPipeline', 'SampleAppPipeline/Pipeline/Source'),
      ...targetAcknowledgments('SampleAppTestTarget', '222222222222', 'sample-app-test', artifacts),
      ...targetAcknowledgments('SampleAppProdTarget', '333333333333', 'sample-app-prod', artifacts),
    ]);
  });

  test('control: the same checks report a nag error and a validator finding when there is one', () => {
    const { report, error } = synthWithChecks((app) => {
      const stack = new Stack(app, 'Control', { env: { account: '111111111111', region: 'us-east-1' } });
      new s3.Bucket(stack, 'PlainBucket');
      new CfnResource(stack, 'BadQueue', { type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 'not-a-number' } });
    });
    expect(error?.message).toMatch(/A copy of this report can be found in/);
    const all = findings(report);
    expect(all).toEqual(expect.arrayContaining([
      'AwsSolutions error AwsSolutions-S10 Control/PlainBucket/Resource',
    ]));
    expect(all.some((f) => !f.startsWith('AwsSolutions') && f.includes('Control/BadQueue'))).toBe(true);
  });

  test('an unknown example is a clear error listing the names', () => {
    const app = new App({ context: { ...context, example: 'nope' } });
    expect(() => buildApp(app)).toThrow(/^Unknown example "nope": choose one of cross-account(, [a-z-]+)* with -c example=<name>\.$/);
  });
});
