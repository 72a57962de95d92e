/**
 * Preloaded into a `pipectl` process (`node -r dist/bench/rss-probe.js dist/bin/pipectl.js …`) so the
 * benchmark reads its peak RSS the way synth-once.ts does, from `process.resourceUsage()` in the
 * child, without changing the CLI. Writes it, in KB, to the file named by BENCH_RSS_FILE at exit
 * (`exit` runs however the process ends, short of a signal such as an out-of-memory kill).
 */
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
