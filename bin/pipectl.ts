#!/usr/bin/env node
import { processIo } from '../lib/cli/io';
import { runCli } from '../lib/cli/program';
import { reportUnexpected } from '../lib/cli/unexpected-error';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli reports every error itself; reaching here is a bug in that reporting.
    process.exitCode = reportUnexpected(processIo, error);
  },
);
