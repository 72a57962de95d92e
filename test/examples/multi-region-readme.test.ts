import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { multiRegionExample } from '../../examples/multi-region';
import { pipelineMermaid } from '../../lib/diagram/mermaid';
import { pipelineModelOf } from '../../lib/model/from-cdk';

const README = path.join(__dirname, '..', '..', 'README.md');
const HEADING = '### The multi-region example\n';
const BLOCK = /```mermaid\n[\s\S]*?```\n/;

/**
 * README's multi-region section shows the example's pipeline as a Mermaid chart: it must be what the
 * code draws today. After changing the renderer or the example, run
 * `UPDATE_DOC_DIAGRAMS=1 npx jest test/examples/multi-region-readme`.
 */
test('the README\'s multi-region diagram is the current Mermaid chart of the example\'s pipeline', () => {
  const { release } = multiRegionExample(new App(), {
    pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1',
  });
  const chart = `\`\`\`mermaid\n${pipelineMermaid(pipelineModelOf(release.pipeline.node.defaultChild as CfnPipeline))}\`\`\`\n`;
  const readme = fs.readFileSync(README, 'utf-8');
  const section = readme.indexOf(HEADING);
  expect(section).toBeGreaterThan(-1);
  const before = readme.slice(0, section);
  const after = readme.slice(section);
  if (process.env.UPDATE_DOC_DIAGRAMS === '1') fs.writeFileSync(README, before + after.replace(BLOCK, () => chart));
  expect(BLOCK.exec(fs.readFileSync(README, 'utf-8').slice(section))?.[0]).toBe(chart);
});
