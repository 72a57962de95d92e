import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { CliIo, ExitCode, UsageError, processIo } from './io';

/** Runs one command's work and reports its exit code. */
type Runner = <M>(load: () => Promise<M>, call: (module: M) => Promise<number>) => Promise<void>;

/**
 * The `pipectl` command line. Each command's module is loaded only when that command runs, so
 * `pipectl --help` does not pay for the AWS SDK.
 */
function buildProgram(io: CliIo, run: Runner): Command {
  const program = new Command('pipectl')
    .description('Validate, release, watch, approve, retry and check the keys of AWS CodePipeline pipelines.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
    });

  program
    .command('validate')
    .description('check CloudFormation templates or get-pipeline JSON against every rule CodePipeline enforces')
    .argument('<file...>', 'template (JSON or YAML), get-pipeline output, or a bare pipeline declaration')
    .option('--json', 'print the findings as a JSON array')
    .addOption(new Option('--quotas <profile>', 'quota profile').choices(['current', 'classic']).default('current'))
    .action((files: string[], options) => run(() => import('./commands/validate'), (m) => m.validateCommand(files, options, io)));

  return program;
}

/** Shared options of the commands that call AWS: the SDK's default credential chain does the rest. */
export function withAwsOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'named profile from the shared AWS config and credentials files')
    .option('--region <region>', 'AWS Region of the pipeline (default: from the environment or profile)');
}

/** Parses `argv` (without the node and script entries) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const run: Runner = async (load, call) => {
    try {
      exitCode = await call(await load());
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.err(`pipectl: ${error.message}`);
      exitCode = ExitCode.USAGE;
    }
  };
  try {
    await buildProgram(io, run).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with commander's exit code 0.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    throw error;
  }
  return exitCode;
}

/** The version in our package.json, found from this file both in the sources and in dist/. */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf-8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk-delivery-pipelines' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
}
