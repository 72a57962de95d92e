import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../../examples';
import { multiRegionExample } from '../../examples/multi-region';
import { withBuiltinValidation } from '../helpers/validation';

const PIPELINE = '111111111111';
const STAGING = '222222222222';
const PROD = '333333333333';
const context = { pipelineAccount: PIPELINE, testAccount: STAGING, prodAccount: PROD, region: 'us-east-1', example: 'multi-region' };
const STACKS = ['InventoryStagingTarget', 'InventoryProdTarget-us-east-1', 'InventoryProdTarget-eu-west-1', 'InventoryArtifacts-eu-west-1', 'InventoryPipeline'];

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath?: string }[] }[] }[];
}

/** The wildcard actions of aws-cdk-lib's grants on the artifact bucket and key. */
const CDK_ARTIFACT_GRANTS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

function targetAcknowledgments(stack: string, account: string, region: string, stackName: string): string[] {
  return [
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:cloudformation:${region}:${account}:stack/${stackName}/*]`,
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:${region}:${PIPELINE}:key/*]`,
    `${stack}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::inventory-artifacts-${PIPELINE}-${region}/*]`,
  ];
}

function stacksOf(app: App): Stack[] {
  return app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
}

function pipelineStages(stack: Stack): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages;
}

/** [run order, name, account of the role, region] of each action of `stage`. */
function actionsOf(stage: any): [number, string, string, string | undefined][] {
  return stage.Actions.map((a: any) => [a.RunOrder, a.Name, typeof a.RoleArn === 'string' ? a.RoleArn : 'pipeline account', a.Region]);
}

describe('multi-region example (-c example=multi-region)', () => {
  test('five stacks the app names, in an order one cdk deploy --all follows: targets, the second region\'s store, the pipeline', () => {
    const app = new App({ context });
    buildApp(app);
    const stacks = stacksOf(app);
    expect(stacks.map((s) => [s.node.path, s.account, s.region])).toEqual([
      ['InventoryStagingTarget', STAGING, 'us-east-1'],
      ['InventoryProdTarget-us-east-1', PROD, 'us-east-1'],
      ['InventoryProdTarget-eu-west-1', PROD, 'eu-west-1'],
      ['InventoryArtifacts-eu-west-1', PIPELINE, 'eu-west-1'],
      ['InventoryPipeline', PIPELINE, 'us-east-1'],
    ]);
    expect(Object.fromEntries(stacks.map((s) => [s.node.path, s.dependencies.map((d) => d.node.path).sort()]))).toEqual({
      'InventoryStagingTarget': [],
      'InventoryProdTarget-us-east-1': [],
      'InventoryProdTarget-eu-west-1': [],
      'InventoryArtifacts-eu-west-1': ['InventoryProdTarget-eu-west-1'],
      'InventoryPipeline': ['InventoryArtifacts-eu-west-1', 'InventoryProdTarget-us-east-1', 'InventoryStagingTarget'],
    });

    // The assembly the CLI deploys: these five and nothing else (no cross-region support stack),
    // each listed after every stack it depends on.
    const assembly = app.synth();
    const order = assembly.stacks.map((s) => s.id);
    expect([...order].sort()).toEqual([...STACKS].sort());
    for (const stack of assembly.stacks) {
      for (const dependency of stack.dependencies.filter((d) => d instanceof cxapi.CloudFormationStackArtifact)) {
        expect([stack.id, order.indexOf(dependency.id) < order.indexOf(stack.id)]).toEqual([stack.id, true]);
      }
    }
  });

  test('staging: a check, the deploy and an approval naming the staging stack, in the pipeline\'s region', () => {
    const example = multiRegionExample(new App(), context);
    const [, staging] = pipelineStages(example.pipelineStack);
    expect(staging.Name).toBe('Staging');
    expect(actionsOf(staging)).toEqual([
      [1, 'LintTemplate', 'pipeline account', undefined],
      [2, 'DeployStaging', `arn:aws:iam::${STAGING}:role/inventory-deploy-action`, undefined],
      [3, 'ApproveStaging', 'pipeline account', undefined],
    ]);
    expect(staging.Actions[0].Commands).toEqual(['pip install --quiet cfn-lint', 'cfn-lint inventory.yaml']);
    expect(staging.Actions[2].Configuration.CustomData).toBe(
      `Review stack inventory-staging (account ${STAGING}, us-east-1). Approve to continue the release; reject to stop it.`,
    );
  });

  test('production is one wave: both change sets at run order 1, one approval naming both with account and region, both executed at run order 3', () => {
    const example = multiRegionExample(new App(), context);
    const [, , production] = pipelineStages(example.pipelineStack);
    const home = `arn:aws:iam::${PROD}:role/inventory-deploy-action`;
    const second = `arn:aws:iam::${PROD}:role/inventory-deploy-action-eu-west-1`;
    expect(production.Name).toBe('Production');
    expect(actionsOf(production)).toEqual([
      [1, `CreateChangeSet-${PROD}-us-east-1`, home, undefined],
      [1, `CreateChangeSet-${PROD}-eu-west-1`, second, 'eu-west-1'],
      [2, 'ApproveChangeSet', 'pipeline account', undefined],
      [3, `ExecuteChangeSet-${PROD}-us-east-1`, home, undefined],
      [3, `ExecuteChangeSet-${PROD}-eu-west-1`, second, 'eu-west-1'],
    ]);
    expect(production.Actions.filter((a: any) => a.Configuration.ActionMode).map((a: any) => [a.Name, a.Configuration.StackName, a.Configuration.ChangeSetName])).toEqual([
      [`CreateChangeSet-${PROD}-us-east-1`, 'inventory', 'inventory-release'],
      [`CreateChangeSet-${PROD}-eu-west-1`, 'inventory', 'inventory-release'],
      [`ExecuteChangeSet-${PROD}-us-east-1`, 'inventory', 'inventory-release'],
      [`ExecuteChangeSet-${PROD}-eu-west-1`, 'inventory', 'inventory-release'],
    ]);
    expect(production.Actions[2].Configuration.CustomData).toBe(
      `Review 2 change sets: change set inventory-release of stack inventory (account ${PROD}, us-east-1); `
      + `change set inventory-release of stack inventory (account ${PROD}, eu-west-1). `
      + 'Approve to execute exactly these change sets and continue the release; reject to stop the release without changing the stacks. '
      + 'The review link opens the first.',
    );
  });

  test('the pipeline keeps one artifact store per region: its own, and the second region\'s by name and key alias', () => {
    const example = multiRegionExample(new App(), context);
    const [pipeline] = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::CodePipeline::Pipeline')) as any[];
    expect(pipeline.Properties.ArtifactStore).toBeUndefined();
    expect(pipeline.Properties.ArtifactStores.map((s: any) => [s.Region, s.ArtifactStore.Location, s.ArtifactStore.EncryptionKey.Id])).toEqual([
      ['us-east-1', { Ref: example.pipelineStack.getLogicalId(example.artifactStore.bucketResource.node.defaultChild as any) }, {
        'Fn::GetAtt': [example.pipelineStack.getLogicalId(example.artifactStore.key.node.defaultChild as any), 'Arn'],
      }],
      ['eu-west-1', `inventory-artifacts-${PIPELINE}-eu-west-1`, `arn:aws:kms:eu-west-1:${PIPELINE}:alias/inventory-artifacts`],
    ]);
  });

  test('secondRegion picks the second production region; the pipeline\'s own region is refused', () => {
    const app = new App({ context: { ...context, secondRegion: 'ap-southeast-2' } });
    buildApp(app);
    expect(stacksOf(app).map((s) => `${s.node.path} ${s.region}`)).toEqual([
      'InventoryStagingTarget us-east-1',
      'InventoryProdTarget-us-east-1 us-east-1',
      'InventoryProdTarget-ap-southeast-2 ap-southeast-2',
      'InventoryArtifacts-ap-southeast-2 ap-southeast-2',
      'InventoryPipeline us-east-1',
    ]);
    expect(() => buildApp(new App({ context: { ...context, secondRegion: 'us-east-1' } }))).toThrow(
      'The multi-region example needs two regions: secondRegion is "us-east-1", the pipeline\'s region too; pass another with -c secondRegion=<region>.',
    );
  });

  test('passes cdk-nag AwsSolutions and the CloudFormation validator with no finding; each acknowledgment is listed with its evidence', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-region-example-'));
    const app = new App({ outdir, context });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    buildApp(app);
    let error: Error | undefined;
    withBuiltinValidation(() => {
      try { app.synth(); } catch (e) { error = e as Error; }
    });
    const report: ValidationReport = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
    const findings = report.pluginReports.flatMap((r) => r.violations.flatMap((v) =>
      v.violatingConstructs.map((c) => `${r.pluginName} ${v.severity} ${v.ruleName} ${c.constructPath}`)));
    expect(error).toBeUndefined();
    expect(findings).toEqual([]);

    const acknowledged = app.node.findAll().flatMap((c) => c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ at: `${c.node.path} ${id}`, reason }))));
    for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(60);
    expect(acknowledged.map((a) => a.at).sort()).toEqual([
      // The pipeline region's store and aws-cdk-lib's own artifact grants, as in the walkthrough.
      'InventoryPipeline/Artifacts/AccessLogs Annotation::AwsSolutions-S1',
      ...CDK_ARTIFACT_GRANTS.flatMap((a) => [
        `InventoryPipeline/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Action::${a}]`,
        `InventoryPipeline/Release/Pipeline/S3Source Annotation::AwsSolutions-IAM5[Action::${a}]`,
      ]),
      'InventoryPipeline/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Resource::<ArtifactsBucket88671897.Arn>/*]',
      'InventoryPipeline/Release/Pipeline/S3Source Annotation::AwsSolutions-IAM5[Resource::<ArtifactsBucket88671897.Arn>/*]',
      // The second region: its store, and the pipeline role's copy into it (its key known by alias).
      'InventoryArtifacts-eu-west-1/AccessLogs Annotation::AwsSolutions-S1',
      `InventoryPipeline/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:eu-west-1:${PIPELINE}:key/*]`,
      `InventoryPipeline/Artifacts/PipelineRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::inventory-artifacts-${PIPELINE}-eu-west-1/*]`,
      // The staging check's role: aws-cdk-lib's Commands grants, acknowledged by the library.
      ...['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Resource::<ArtifactsBucket88671897.Arn>/*',
        `Resource::arn:<AWS::Partition>:logs:us-east-1:${PIPELINE}:log-group:/aws/codepipeline/<ReleasePipeline029915CD>:*`,
      ].map((id) => `InventoryPipeline/Release/Staging-LintTemplate-CommandsRole Annotation::AwsSolutions-IAM5[${id}]`),
      // Each target's action role, in its own region: its stack's ID suffix, its region's key and artifact objects.
      ...targetAcknowledgments('InventoryStagingTarget', STAGING, 'us-east-1', 'inventory-staging'),
      ...targetAcknowledgments('InventoryProdTarget-us-east-1', PROD, 'us-east-1', 'inventory'),
      ...targetAcknowledgments('InventoryProdTarget-eu-west-1', PROD, 'eu-west-1', 'inventory'),
    ].sort());
  });
});
