import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { walkthroughExample } from '../../examples/walkthrough';
import { pipelineSvg } from '../../lib/diagram/svg';
import { pipelineModelOf } from '../../lib/model/from-cdk';

const ROOT = path.join(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'walkthrough.pipeline.svg');

/**
 * The README shows docs/walkthrough.pipeline.svg: it must be what synth draws today for the walkthrough
 * example. After changing the renderer or the example, run
 * `UPDATE_DOC_DIAGRAMS=1 npx jest test/diagram/readme-diagram`.
 */
test('the README diagram is the current rendering of the walkthrough pipeline', () => {
  const app = new App();
  const { release } = walkthroughExample(app, {
    pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1',
  });
  const svg = pipelineSvg(pipelineModelOf(release.pipeline.node.defaultChild as CfnPipeline));
  if (process.env.UPDATE_DOC_DIAGRAMS === '1') fs.writeFileSync(DOC, svg);
  expect(fs.readFileSync(DOC, 'utf-8')).toBe(svg);
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8')).toContain('![The walkthrough release pipeline](docs/walkthrough.pipeline.svg)');
});
