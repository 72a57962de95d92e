import { targetOf } from '../../lib/diagram/describe';
import { pipelineMermaid } from '../../lib/diagram/mermaid';
import { summarizePipeline } from '../../lib/diagram/summary';
import { pipelineSvg } from '../../lib/diagram/svg';
import { ActionModel, PipelineModel } from '../../lib/model/pipeline-model';
import { approvalAction, cloudFormationAction } from './fixtures';
import { readSvg } from './svg-geometry';

const PROD_EU_ROLE = 'arn:aws:iam::333333333333:role/release-deploy-action-eu-west-1';
const PROD_ROLE = 'arn:aws:iam::333333333333:role/release-deploy-action';
const store = (location: string, key: string) => ({ type: 'S3', location, encryptionKey: { type: 'KMS', id: key } });

/** A pipeline in us-east-1 deploying one stack in its own account and region, and prod in two regions. */
function twoRegionPipeline(region: string = 'eu-west-1'): PipelineModel {
  return {
    name: 'Release',
    roleArn: 'arn:aws:iam::111111111111:role/release-pipeline',
    artifactStores: {
      'us-east-1': store('release-artifacts-111111111111-us-east-1', 'arn:aws:kms:us-east-1:111111111111:key/k'),
      [region]: store(`release-artifacts-111111111111-${region}`, `arn:aws:kms:${region}:111111111111:alias/release-artifacts`),
    },
    stages: [
      { name: 'Tools', actions: [cloudFormationAction('Shared', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'shared' }, { roleArn: 'arn:aws:iam::111111111111:role/local', region: 'us-east-1' })] },
      {
        name: 'Prod',
        actions: [
          cloudFormationAction('Deploy', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'app' }, { roleArn: PROD_ROLE }),
          cloudFormationAction('DeployEurope', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'app' }, { roleArn: PROD_EU_ROLE, region }),
          approvalAction('Approve', 2),
        ],
      },
    ],
    context: { account: '111111111111', region: 'us-east-1' },
    origin: {},
  };
}

test('the summary names the pipeline\'s region, and in a pipeline across regions each action in another account with its region', () => {
  expect(summarizePipeline(twoRegionPipeline())).toBe(
    [
      'Pipeline Release (region: us-east-1, role: release-pipeline, artifact store eu-west-1: S3 release-artifacts-111111111111-eu-west-1 (KMS arn:aws:kms:eu-west-1:111111111111:alias/release-artifacts), artifact store us-east-1: S3 release-artifacts-111111111111-us-east-1 (KMS arn:aws:kms:us-east-1:111111111111:key/k))',
      '  Stage Tools',
      '    1 Shared  CloudFormation CREATE_UPDATE stack=shared',
      '        role: local',
      '  Stage Prod',
      '    1 Deploy  CloudFormation CREATE_UPDATE stack=app @ 333333333333/us-east-1',
      '        role: release-deploy-action',
      '    1 DeployEurope  CloudFormation CREATE_UPDATE stack=app @ 333333333333/eu-west-1',
      '        role: release-deploy-action-eu-west-1',
      '    2 Approve  Manual approval',
      '',
    ].join('\n'),
  );
});

test('a single-region pipeline\'s summary does not name its region', () => {
  const single: PipelineModel = { ...twoRegionPipeline(), artifactStores: undefined, artifactStore: store('artifacts', 'k'), stages: twoRegionPipeline().stages.slice(0, 1) };
  expect(summarizePipeline(single).split('\n')[0]).toBe('Pipeline Release (role: release-pipeline, artifact store: S3 artifacts (KMS k))');
});

test('the SVG titles the pipeline with its region and labels each action where it lands', () => {
  const diagram = readSvg(pipelineSvg(twoRegionPipeline()));
  expect(diagram.title).toBe('Pipeline Release in us-east-1');
  const texts = (stage: number, action: number) => diagram.stages[stage].actions[action].texts.map((t) => t.text);
  expect(texts(0, 0)).toEqual(['Shared', 'CloudFormation CREATE_UPDATE', '@ pipeline account', 'stack=shared']);
  expect(texts(1, 0)).toEqual(['Deploy', 'CloudFormation CREATE_UPDATE', '@ 333333333333/us-east-1', 'stack=app']);
  expect(texts(1, 1)).toEqual(['DeployEurope', 'CloudFormation CREATE_UPDATE', '@ 333333333333/eu-west-1', 'stack=app']);
});

test('the Mermaid chart labels each action where it lands', () => {
  const chart = pipelineMermaid(twoRegionPipeline());
  expect(chart).toContain('    S1A0["<b>Deploy</b><br/>CloudFormation CREATE_UPDATE<br/>@ 333333333333/us-east-1<br/>stack=app"]');
  expect(chart).toContain('    S1A1["<b>DeployEurope</b><br/>CloudFormation CREATE_UPDATE<br/>@ 333333333333/eu-west-1<br/>stack=app"]');
});

test('a hostile region stays text in every medium', () => {
  const region = 'eu-west-1"]\n<script>x</script>';
  const model = twoRegionPipeline(region);
  expect(summarizePipeline(model)).toContain('@ 333333333333/eu-west-1"]\\n<script>x</script>');
  const chart = pipelineMermaid(model);
  expect(chart).not.toContain('<script>');
  expect(chart).not.toContain('eu-west-1"]');
  const svg = pipelineSvg(model);
  expect(svg).not.toContain('<script>');
});

describe('targetOf with the pipeline\'s place', () => {
  const action = (roleArn?: string, region?: string): ActionModel => cloudFormationAction('A', 1, {}, { roleArn, region });
  const place = { account: '111111111111', region: 'us-east-1' };
  test.each([
    [undefined, undefined, 'pipeline account'],
    [undefined, 'us-east-1', 'pipeline account'],
    ['arn:aws:iam::111111111111:role/x', undefined, 'pipeline account'],
    ['arn:aws:iam::111111111111:role/x', 'eu-west-1', 'pipeline account/eu-west-1'],
    ['arn:aws:iam::222222222222:role/x', 'us-east-1', '222222222222'],
    ['arn:aws:iam::222222222222:role/x', 'eu-west-1', '222222222222/eu-west-1'],
  ])('role %s in region %s runs at %s', (roleArn, region, target) => {
    expect(targetOf(action(roleArn, region), place)).toBe(target);
  });
});
