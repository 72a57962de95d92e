import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { multiRegionApp } from './multi-region-fixture';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath?: string }[] }[] }[];
}

test('the multi-region app passes cdk-nag AwsSolutions; the regional grants on the pipeline role are acknowledged with evidence', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-region-nag-'));
  const { app } = multiRegionApp({}, new App({ outdir }), (root) => Validations.of(root).addPlugins(new AwsSolutionsChecks(root)));
  app.synth();
  const report: ValidationReport = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
  const findings = report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} ${c.constructPath}`)));
  expect(findings).toEqual([]);
  const acknowledged = app.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.keys(m.data as Record<string, string>).map((id) => `${c.node.path} ${id}`)));
  // Every acknowledgment in the app, not only the second region's: a broad one added anywhere shows here.
  const cdkArtifactGrants = ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Resource::<ReleaseArtifactStoreBucket4520EE35.Arn>/*'];
  const targetRole = (id: string, account: string, region: string, stack: string) => [
    `${id}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:cloudformation:${region}:${account}:stack/${stack}/*]`,
    `${id}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:${region}:111111111111:key/*]`,
    `${id}/ActionRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::shop-artifacts-111111111111-${region}/*]`,
  ];
  expect(acknowledged.sort()).toEqual([
    ...targetRole('ProdUsTarget', '333333333333', 'us-east-1', 'shop'),
    'ShopPipeline/Release/ArtifactStore/AccessLogs Annotation::AwsSolutions-S1',
    ...cdkArtifactGrants.map((id) => `ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[${id}]`),
    ...cdkArtifactGrants.map((id) => `ShopPipeline/Release/Pipeline/S3Source Annotation::AwsSolutions-IAM5[${id}]`),
    'ShopPipeline/SourceBucket Annotation::AwsSolutions-S1',
    ...targetRole('StagingTarget', '222222222222', 'us-east-1', 'shop-test'),
    'ArtifactsEuWest1/AccessLogs Annotation::AwsSolutions-S1',
    ...targetRole('ProdEuTarget', '333333333333', 'eu-west-1', 'shop'),
    'ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:eu-west-1:111111111111:key/*]',
    'ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/*]',
  ].sort());
});
