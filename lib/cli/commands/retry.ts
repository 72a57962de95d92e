import { forTerminal } from '../../output';
import { CliIo, ExitCode } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { retryStage } from '../../ops/retry';
import { runOperation } from '../../ops/run-operation';

export interface RetryOptions extends AwsOptions {
  readonly all?: boolean;
}

/** `pipectl retry <pipeline> <stage> [--all]` */
export async function retryCommand(pipeline: string, stage: string, options: RetryOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  checkName('stage', stage);
  return runOperation(io, { pipeline, stage }, async () => {
    const result = await retryStage(createCodePipelineClient(options), { pipeline, stage, allActions: options.all });
    io.out(forTerminal(`Retrying ${result.retryMode} of stage "${stage}" of pipeline "${pipeline}" in execution ${result.pipelineExecutionId}`));
    return ExitCode.OK;
  });
}
