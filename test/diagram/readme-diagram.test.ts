import * as fs from 'fs';
import * as path from 'path';
import { pipelineSvg } from '../../lib/diagram/svg';
import { loadPipelineFile } from '../../lib/model/load-file';

const ROOT = path.join(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'release-pipeline.svg');

/**
 * The README shows docs/release-pipeline.svg: it must be what the renderer draws today for the
 * fixture template. After changing the renderer, run `UPDATE_DOC_DIAGRAMS=1 npx jest test/diagram/readme-diagram`.
 */
test('the README diagram is the current rendering of the release pipeline fixture', () => {
  const [pipeline] = loadPipelineFile(path.join(__dirname, 'fixtures', 'release-pipeline.yaml'));
  const svg = pipelineSvg(pipeline);
  if (process.env.UPDATE_DOC_DIAGRAMS === '1') fs.writeFileSync(DOC, svg);
  expect(fs.readFileSync(DOC, 'utf-8')).toBe(svg);
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8')).toContain('![The release pipeline](docs/release-pipeline.svg)');
});
