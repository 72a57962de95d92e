import { forTerminal } from '../../output';
import { CliIo, ExitCode, UsageError, printError } from '../io';
import { answerApproval } from '../../ops/approval';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { runOperation } from '../../ops/run-operation';
import { describeTarget } from '../../ops/target';
import { renderStageReview } from '../../review/render-review';
import { Confirm, terminalConfirm } from './confirm';
import type { ReviewAccessCliOptions } from './review';

export interface ApproveOptions extends AwsOptions, ReviewAccessCliOptions {
  readonly summary?: string;
  /** Show the review of the stage's change sets first, then ask. */
  readonly review?: boolean;
  /** With --review: answer without asking. */
  readonly yes?: boolean;
}

/** `pipectl approve|reject <pipeline> <stage> <action> [--summary TEXT] [--review [--yes]]` */
export async function approveCommand(
  decision: 'Approved' | 'Rejected',
  pipeline: string,
  stage: string,
  action: string,
  options: ApproveOptions,
  io: CliIo,
  confirm: Confirm | undefined = options.review && !options.yes ? terminalConfirm() : undefined,
): Promise<number> {
  checkName('pipeline', pipeline);
  checkName('stage', stage);
  checkName('action', action);
  const verb = decision === 'Approved' ? 'approve' : 'reject';
  if (options.yes && !options.review) throw new UsageError(`--yes answers the question of --review: pass --review too, or leave --yes out`);
  if (options.review && !options.yes && !confirm) {
    throw new UsageError(`--review asks before it ${verb}s, and stdin is not a terminal: pass --yes to ${verb} after printing the review without asking`);
  }
  const target = { pipeline, stage, action };
  return runOperation(io, target, async () => {
    if (options.review) {
      // CloudFormation's and STS's clients load only for a review.
      const { readReview } = await import('./review');
      const report = await readReview(pipeline, stage, options);
      io.out(renderStageReview(report, { approvalCommands: false }));
      if (!options.yes && !(await confirm!(forTerminal(`${verb === 'approve' ? 'Approve' : 'Reject'} ${describeTarget(target)}? [y/N] `)))) {
        printError(io, `not ${decision.toLowerCase()}: ${describeTarget(target)} is still waiting`);
        return ExitCode.FAILED;
      }
    }
    await answerApproval(createCodePipelineClient(options), { ...target, decision, summary: options.summary });
    io.out(forTerminal(`${decision} ${describeTarget(target)}`));
    return ExitCode.OK;
  });
}
