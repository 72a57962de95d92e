/**
 * `node -r esbuild-register test/e2e/measure-review-step.ts [runs]`: runs the built review function
 * (dist/lib/review-step/index.js; `npm run build` first) in a fresh Node process per run, as a cold
 * Lambda start does, against the loopback endpoint, for a change set of 5 and of 500 changes, and
 * prints the median and range of: loading the bundle (Lambda's init), the handler's run, and the
 * process's peak RSS. Not part of `npm test`: its numbers depend on the machine's load.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { ChangeInput } from '../../lib/review/change-set-review';
import { reviewHandlerFolder } from '../../lib/review/step/handler-asset';
import { bucketPolicyModified, databaseReplaced, nestedStackModified, queueRemoved, roleAdded } from '../review/change-set-fixtures';
import { FUNCTION_NAME, REVIEWER_CREDENTIALS, firstPage, jobDetails, jobEvent } from '../review/step/job-fixtures';
import { ReviewStepEndpoint } from './loopback/review-step-endpoint';

const FIXTURES = [databaseReplaced, roleAdded, bucketPolicyModified, queueRemoved, nestedStackModified];
const { Changes: _changes, NextToken: _token, ...header } = firstPage;

function changes(count: number): ChangeInput[] {
  return Array.from({ length: count }, (_, i) => {
    const base = FIXTURES[i % FIXTURES.length];
    return { ...base, ResourceChange: { ...base.ResourceChange, LogicalResourceId: `${base.ResourceChange!.LogicalResourceId}${i}` } };
  });
}

const PROBE = `
const t0 = process.hrtime.bigint();
const { handler } = require(process.argv[1]);
const t1 = process.hrtime.bigint();
handler(JSON.parse(process.argv[2]), { functionName: process.argv[3], getRemainingTimeInMillis: () => 120000 }).then(() => {
  const t2 = process.hrtime.bigint();
  process.stderr.write(JSON.stringify({ initMs: Number(t1 - t0) / 1e6, runMs: Number(t2 - t1) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024 }));
});`;

async function measure(count: number, runs: number): Promise<void> {
  const all = changes(count);
  const endpoint = new ReviewStepEndpoint({
    credentials: REVIEWER_CREDENTIALS,
    jobDetails: jobDetails() as Record<string, unknown>,
    pages: (token) => {
      const page = token === undefined ? 0 : Number(token);
      const next = (page + 1) * 100 < all.length ? String(page + 1) : undefined;
      return { ...header, Changes: all.slice(page * 100, (page + 1) * 100), ...(next ? { NextToken: next } : {}) };
    },
  });
  const url = await endpoint.listen();
  const samples: { initMs: number; runMs: number; rssMb: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { stderr } = await promisify(execFile)(process.execPath, ['-e', PROBE, path.join(reviewHandlerFolder(), 'index.js'), JSON.stringify(jobEvent()), FUNCTION_NAME], {
        env: { PATH: process.env.PATH, AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'ASIAFUNCTIONROLEEXMP', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't', NODE_NO_WARNINGS: '1' },
      });
      samples.push(JSON.parse(stderr.slice(stderr.lastIndexOf('{'))));
    }
  } finally {
    await endpoint.close();
  }
  const stat = (key: 'initMs' | 'runMs' | 'rssMb') => {
    const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
  };
  const calls = endpoint.calls.length / runs;
  process.stdout.write(`${count} changes, ${runs} runs, ${calls} calls a run: init ms ${stat('initMs')}; run ms ${stat('runMs')}; peak RSS MB ${stat('rssMb')}\n`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  await measure(5, runs);
  await measure(500, runs);
}

void main();
