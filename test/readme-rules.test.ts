import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../lib/rules';

/** The README's rule table is what the engine runs: one row per rule, in order, with the same facts. */
test('the README lists every rule with its severity, limit and source', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
  const section = readme.split('\n## ').find((part) => part.startsWith('Pipeline rules')) ?? '';
  const rows = section.split('\n').filter((line) => /^\| `[a-z0-9-]+` \|/.test(line));
  const expected = ALL_RULES.map(
    (r) => `| \`${r.id}\` | ${r.severity} | ${r.description} | ${r.limit.replace(/\|/g, '\\|')} | ${r.source} |`,
  );
  expect(rows).toEqual(expected);
});
