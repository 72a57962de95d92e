import { CliIo, ExitCode, printError } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { PipelineStatus, isExecutionActive, readPipelineStatus } from '../../ops/pipeline-status';
import { pollUntil } from '../../ops/poll';
import { renderStatus } from '../../ops/render-status';
import { runOperation } from '../../ops/run-operation';
import { forJson } from '../../output';

export interface StatusOptions extends AwsOptions {
  readonly json?: boolean;
  readonly watch?: boolean;
  /**
   * Seconds between reads with --watch.
   * @default 5
   */
  readonly interval?: number;
  /**
   * Minutes --watch follows before giving up.
   * @default 60
   */
  readonly timeout?: number;
}

/** Clears a terminal and moves the cursor home, so each --watch read replaces the last. */
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/** `pipectl status <pipeline> [--json] [--watch]` */
export async function statusCommand(pipeline: string, options: StatusOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  const intervalMs = (options.interval ?? 5) * 1000;
  const timeoutMs = (options.timeout ?? 60) * 60_000;
  return runOperation(io, { pipeline }, async () => {
    const client = createCodePipelineClient(options);
    const show = (status: PipelineStatus): string => {
      if (options.json) return forJson(status, options.watch ? undefined : 2);
      return renderStatus(status, { colour: io.isTTY, region: options.region, profile: options.profile });
    };
    if (!options.watch) {
      io.out(show(await readPipelineStatus(client, pipeline)));
      return ExitCode.OK;
    }
    let last: string | undefined;
    const { value, finished } = await pollUntil(
      async () => {
        const status = await readPipelineStatus(client, pipeline);
        const text = show(status);
        // On a terminal redraw every read (times move); in a pipe print only what changed.
        if (io.isTTY && !options.json) io.out(CLEAR_SCREEN + text);
        else if (text !== last) io.out(text);
        last = text;
        return status;
      },
      (status) => !isExecutionActive(status.latestExecution?.status),
      { intervalMs, timeoutMs },
    );
    const latest = value.latestExecution;
    if (!finished) {
      printError(io, `pipeline "${pipeline}": execution ${latest?.id} still ${latest?.status} after ${timeoutMs / 60_000} minutes`);
      return ExitCode.FAILED;
    }
    if (latest && latest.status !== 'Succeeded') {
      printError(io, `pipeline "${pipeline}": execution ${latest.id} ended ${latest.status}`);
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  });
}
