import * as fs from 'fs';
import * as path from 'path';

const README = path.resolve(__dirname, '..', '..', 'README.md');

/** The README's section `## <title>`, up to the next `## ` heading. */
export function readmeSection(title: string): string {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${title}"`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The code blocks of one language in a README section, in order. */
export function codeBlocks(section: string, language: string): string[] {
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}
