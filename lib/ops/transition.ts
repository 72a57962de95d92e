import { DisableStageTransitionCommand, EnableStageTransitionCommand } from '@aws-sdk/client-codepipeline';
import { UsageError } from '../private/usage-error';
import { CodePipelineApi } from './clients';

/** DisabledReason in the API model: 1–300 characters from this set. */
const REASON_PATTERN = /^[a-zA-Z0-9!@ ().*?-]+$/;
export const MAX_REASON = 300;
export const DEFAULT_DISABLE_REASON = 'Disabled with pipectl';

export interface TransitionRequest {
  readonly pipeline: string;
  readonly stage: string;
  readonly enable: boolean;
  /**
   * Why the transition is disabled (only for disable).
   * @default "Disabled with pipectl"
   */
  readonly reason?: string;
}

/** Checks a disable reason before the call so the user learns which characters CodePipeline takes. */
export function checkReason(reason: string): string {
  if (reason.length < 1 || reason.length > MAX_REASON) {
    throw new UsageError(`--reason must be 1–${MAX_REASON} characters; it is ${reason.length}`);
  }
  const bad = [...reason].filter((c) => !REASON_PATTERN.test(c));
  if (bad.length > 0) {
    throw new UsageError(
      `--reason contains characters CodePipeline rejects (${[...new Set(bad)].map((c) => JSON.stringify(c)).join(' ')}): ` +
        "use letters, digits, spaces and ! @ ( ) . * ? -",
    );
  }
  return reason;
}

/**
 * Enables or disables a stage's inbound transition. Disabling holds revisions before the stage; on
 * enable, only the latest successful revision goes on (revisions are batched).
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/transitions.html
 */
export async function setInboundTransition(client: CodePipelineApi, request: TransitionRequest): Promise<void> {
  if (request.enable) {
    if (request.reason !== undefined) {
      throw new UsageError('--reason applies only to "transition disable": remove --reason, or use disable');
    }
    await client.send(
      new EnableStageTransitionCommand({ pipelineName: request.pipeline, stageName: request.stage, transitionType: 'Inbound' }),
    );
    return;
  }
  const reason = checkReason(request.reason ?? DEFAULT_DISABLE_REASON);
  await client.send(
    new DisableStageTransitionCommand({
      pipelineName: request.pipeline,
      stageName: request.stage,
      transitionType: 'Inbound',
      reason,
    }),
  );
}
