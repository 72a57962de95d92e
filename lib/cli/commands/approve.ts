import { forTerminal } from '../../output';
import { CliIo, ExitCode } from '../io';
import { answerApproval } from '../../ops/approval';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { runOperation } from '../../ops/run-operation';
import { describeTarget } from '../../ops/target';

export interface ApproveOptions extends AwsOptions {
  readonly summary?: string;
}

/** `pipectl approve|reject <pipeline> <stage> <action> [--summary TEXT]` */
export async function approveCommand(
  decision: 'Approved' | 'Rejected',
  pipeline: string,
  stage: string,
  action: string,
  options: ApproveOptions,
  io: CliIo,
): Promise<number> {
  checkName('pipeline', pipeline);
  checkName('stage', stage);
  checkName('action', action);
  const target = { pipeline, stage, action };
  return runOperation(io, target, async () => {
    await answerApproval(createCodePipelineClient(options), { ...target, decision, summary: options.summary });
    io.out(forTerminal(`${decision} ${describeTarget(target)}`));
    return ExitCode.OK;
  });
}
