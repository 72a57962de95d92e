#!/usr/bin/env node
import { runCli } from '../lib/cli/program';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected AWS and input errors are handled by each command; this is a bug in pipectl itself.
    process.stderr.write(`pipectl: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
