import { CliIo, ExitCode } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { reviewStage } from '../../ops/review';
import { createCloudFormationFactory } from '../../ops/review-clients';
import { runOperation } from '../../ops/run-operation';
import { StageReviewReport, renderStageReview } from '../../review/render-review';
import { forJson } from '../../output';

export interface ReviewAccessCliOptions extends AwsOptions {
  readonly roleName?: string;
  readonly profileFor?: Record<string, string>;
}

export interface ReviewOptions extends ReviewAccessCliOptions {
  readonly json?: boolean;
}

/** `pipectl review <pipeline> <stage> [--json] [--role-name NAME] [--profile-for ACCOUNT=PROFILE ...]` */
export async function reviewCommand(pipeline: string, stage: string, options: ReviewOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  checkName('stage', stage);
  return runOperation(io, { pipeline, stage }, async () => {
    const report = await readReview(pipeline, stage, options);
    io.out(options.json ? forJson(report, 2) : renderStageReview(report));
    return ExitCode.OK;
  });
}

/** The review of a stage with the clients of these options: for `review` and `approve --review`. */
export function readReview(pipeline: string, stage: string, options: ReviewAccessCliOptions): Promise<StageReviewReport> {
  const clients = { codepipeline: createCodePipelineClient(options), cloudFormation: createCloudFormationFactory(options) };
  return reviewStage(clients, { pipeline, stage, roleName: options.roleName, profileFor: options.profileFor, hint: { region: options.region, profile: options.profile } });
}
