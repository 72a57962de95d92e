import { CliIo, ExitCode } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { renderStacks } from '../../ops/render-stacks';
import { runOperation } from '../../ops/run-operation';
import { listStacks } from '../../ops/stacks';
import { forJson } from '../../output';

export interface StacksOptions extends AwsOptions {
  readonly json?: boolean;
}

/** `pipectl stacks <pipeline> [--json]`: the stacks to delete when tearing the pipeline down. */
export async function stacksCommand(pipeline: string, options: StacksOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  return runOperation(io, { pipeline }, async () => {
    const report = await listStacks(createCodePipelineClient(options), pipeline);
    io.out(options.json ? forJson(report, 2) : renderStacks(report));
    return ExitCode.OK;
  });
}
