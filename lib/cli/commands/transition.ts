import { forTerminal } from '../../output';
import { CliIo, ExitCode } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { runOperation } from '../../ops/run-operation';
import { DEFAULT_DISABLE_REASON, setInboundTransition } from '../../ops/transition';

export interface TransitionOptions extends AwsOptions {
  readonly reason?: string;
}

/** `pipectl transition enable|disable <pipeline> <stage> [--reason TEXT]` */
export async function transitionCommand(
  change: 'enable' | 'disable',
  pipeline: string,
  stage: string,
  options: TransitionOptions,
  io: CliIo,
): Promise<number> {
  checkName('pipeline', pipeline);
  checkName('stage', stage);
  const enable = change === 'enable';
  return runOperation(io, { pipeline, stage }, async () => {
    await setInboundTransition(createCodePipelineClient(options), { pipeline, stage, enable, reason: options.reason });
    io.out(
      forTerminal(enable
        ? `Enabled the inbound transition to stage "${stage}" of pipeline "${pipeline}": the latest successful revision held before it goes on`
        : `Disabled the inbound transition to stage "${stage}" of pipeline "${pipeline}": ${options.reason ?? DEFAULT_DISABLE_REASON}`),
    );
    return ExitCode.OK;
  });
}
