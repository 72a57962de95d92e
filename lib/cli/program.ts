import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { linesForTerminal } from '../output';
import { reportUnexpected } from './unexpected-error';
import { CliIo, ExitCode, OutputClosed, UsageError, printError, processIo } from './io';
import { parseInterval, parseRegion, parseRequestTimeout, parseTimeout } from './option-values';
import { REQUEST_TIMEOUT_SECONDS } from '../ops/request-timeouts';
import { REVIEW_ACCESS_HELP, withReviewAccessOptions } from './commands/review-options';

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
      // Commander's errors quote what was typed (an unknown option, an invalid value): escaped, so a
      // pasted argument cannot rewrite the terminal.
      outputError: (text, write) => write(linesForTerminal(text)),
    });

  program
    .command('validate')
    .description('check CloudFormation templates or get-pipeline JSON against every rule CodePipeline enforces')
    .argument('<file...>', 'template (JSON or YAML), get-pipeline output, or a bare pipeline declaration')
    .option('--json', 'print the findings as a JSON array')
    .addOption(new Option('--quotas <profile>', 'quota profile').choices(['current', 'classic']).default('current'))
    .addHelpText('after', [
      '',
      'Each file is read on its own: one that cannot be read, or a template without a pipeline, is named',
      'on stderr and the others are still checked (--json prints only the findings, on stdout).',
      '',
      'Exit codes:',
      '  0  every file was read and no finding is an error (templates without a pipeline are skipped)',
      '  1  every file was read and a finding is an error',
      '  2  a file could not be read (even if others have findings), or no file holds a pipeline',
    ].join('\n'))
    .action((files: string[], options) => run(() => import('./commands/validate'), (m) => m.validateCommand(files, options, io)));

  program
    .command('diagram')
    .description('draw the pipelines of a template or get-pipeline JSON as SVG, or as Markdown with a Mermaid flowchart')
    .argument('<file>', 'template (JSON or YAML), get-pipeline output, or a bare pipeline declaration')
    .addOption(new Option('--format <format>', 'output format').choices(['svg', 'mermaid']).default('svg'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--pipeline <name>', 'the pipeline to draw, by name or logical ID, when the file has several')
    .action((file: string, options) => run(() => import('./commands/diagram'), (m) => m.diagramCommand(file, options, io)));

  registerOperations(program, io, run);

  return program;
}

/** The commands that operate deployed pipelines; each loads the AWS SDK only when it runs. */
function registerOperations(program: Command, io: CliIo, run: Runner): void {
  withAwsOptions(program.command('status'))
    .description('show stages, actions, revisions, last changes and pending approvals')
    .argument('<pipeline>', 'pipeline name')
    .option('--json', 'print the state as JSON (one line per change with --watch)')
    .option('--watch', 'redraw until the latest execution ends; exit 1 unless it Succeeded')
    .option('--interval <seconds>', 'seconds between reads with --watch (1–3600)', parseInterval, 5)
    .option('--timeout <minutes>', 'give up watching after this many minutes (1–10080, 7 days)', parseTimeout, 60)
    .action((pipeline: string, options) => run(() => import('./commands/status'), (m) => m.statusCommand(pipeline, options, io)));
  withAwsOptions(program.command('release'))
    .description('start an execution (StartPipelineExecution) and print its ID')
    .argument('<pipeline>', 'pipeline name')
    .option('--wait', 'follow the execution; exit 1 unless it Succeeded')
    .option('--interval <seconds>', 'seconds between reads with --wait (1–3600)', parseInterval, 10)
    .option('--timeout <minutes>', 'give up waiting after this many minutes (1–10080, 7 days)', parseTimeout, 120)
    .action((pipeline: string, options) => run(() => import('./commands/release'), (m) => m.releaseCommand(pipeline, options, io)));
  for (const [name, decision] of [['approve', 'Approved'], ['reject', 'Rejected']] as const) {
    withReviewAccessOptions(withAwsOptions(program.command(name)))
      .description(`${name} the pending manual approval of an action`)
      .argument('<pipeline>', 'pipeline name')
      .argument('<stage>', 'stage name')
      .argument('<action>', 'approval action name')
      .option('--summary <text>', `comment recorded with the decision (at most 512 characters; default "${decision} with pipectl")`)
      .option('--review', `print the review of the stage's change sets (pipectl review) and ask before you ${name}`)
      .option('--yes', `with --review: ${name} without asking (needed when stdin is not a terminal)`)
      .addHelpText('after', REVIEW_ACCESS_HELP)
      .action((pipeline: string, stage: string, action: string, options) =>
        run(() => import('./commands/approve'), (m) => m.approveCommand(decision, pipeline, stage, action, options, io)),
      );
  }
  withReviewAccessOptions(withAwsOptions(program.command('review')))
    .description("show every resource change of a stage's change sets, flagging data loss, permission changes and nested stacks")
    .argument('<pipeline>', 'pipeline name')
    .argument('<stage>', 'stage name')
    .option('--json', 'print the review as JSON')
    .addHelpText('after', REVIEW_ACCESS_HELP)
    .action((pipeline: string, stage: string, options) => run(() => import('./commands/review'), (m) => m.reviewCommand(pipeline, stage, options, io)));
  withAwsOptions(program.command('retry'))
    .description("retry the failed actions of a stage's latest execution, after checking the retry rules")
    .argument('<pipeline>', 'pipeline name')
    .argument('<stage>', 'stage name')
    .option('--all', 'retry every action of the stage (ALL_ACTIONS), not only the failed ones')
    .action((pipeline: string, stage: string, options) => run(() => import('./commands/retry'), (m) => m.retryCommand(pipeline, stage, options, io)));
  const transition = program.command('transition').description("enable or disable a stage's inbound transition");
  for (const change of ['enable', 'disable'] as const) {
    const command = withAwsOptions(transition.command(change))
      .description(change === 'enable' ? 'let the latest successful revision held before the stage go on' : 'hold revisions before the stage')
      .argument('<pipeline>', 'pipeline name')
      .argument('<stage>', 'stage name');
    if (change === 'disable') command.option('--reason <text>', 'why (letters, digits, spaces and ! @ ( ) . * ? -; default "Disabled with pipectl")');
    command.action((pipeline: string, stage: string, options) =>
      run(() => import('./commands/transition'), (m) => m.transitionCommand(change, pipeline, stage, options, io)),
    );
  }
  withAwsOptions(program.command('verify-keys'))
    .description('check that the artifact key policy lets every cross-account action role decrypt')
    .argument('<pipeline>', 'pipeline name')
    .option('--json', 'print the report as JSON')
    .action((pipeline: string, options) => run(() => import('./commands/verify-keys'), (m) => m.verifyKeysCommand(pipeline, options, io)));
  withAwsOptions(program.command('stacks'))
    .description('list the CloudFormation stacks the pipeline deploys, per account and Region, in the order to delete them')
    .argument('<pipeline>', 'pipeline name')
    .option('--json', 'print the stacks as JSON')
    .action((pipeline: string, options) => run(() => import('./commands/stacks'), (m) => m.stacksCommand(pipeline, options, io)));
}

/** Shared options of the commands that call AWS: the SDK's default credential chain does the rest. */
export function withAwsOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'named profile from the shared AWS config and credentials files')
    .option('--region <region>', 'AWS Region of the pipeline, like us-east-1 (default: from AWS_REGION or the profile)', parseRegion)
    .option(
      '--request-timeout <seconds>',
      `give up on an AWS request that has not answered after this many seconds, per attempt (${REQUEST_TIMEOUT_SECONDS.min}–${REQUEST_TIMEOUT_SECONDS.max})`,
      parseRequestTimeout,
      REQUEST_TIMEOUT_SECONDS.default,
    );
}

/** Parses `argv` (without the node and script entries) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const run: Runner = async (load, call) => {
    try {
      exitCode = await call(await load());
    } catch (error) {
      if (error instanceof UsageError) {
        printError(io, error.message);
        exitCode = ExitCode.USAGE;
      } else if (error instanceof OutputClosed) {
        // The reader of stdout stopped early (`| head`): nothing failed, and nobody is left to tell.
        exitCode = ExitCode.OK;
      } else {
        exitCode = reportUnexpected(io, error);
      }
    }
  };
  try {
    await buildProgram(io, run).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with commander's exit code 0.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof OutputClosed) return ExitCode.OK;
    return reportUnexpected(io, error);
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
