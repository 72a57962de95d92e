import { reviewJobClients } from './job-clients';
import { CodePipelineJobEvent, runReviewJobWithin } from './run-review-job';

/** Time kept back from the function's timeout to report a failure before Lambda stops it. */
const REPORT_MARGIN_MS = 10_000;

/** The part of Lambda's context object the handler reads. */
interface LambdaContext {
  /** The function's own name: only jobs whose action invokes it are reviewed. */
  readonly functionName: string;
  getRemainingTimeInMillis(): number;
}

const clients = reviewJobClients();

/**
 * The review step's function: CodePipeline invokes it for a Lambda invoke action, and it reports the
 * job's result itself (PutJobSuccessResult or PutJobFailureResult). An invocation that names no job
 * of this function reports nothing and fails, so that it shows in the function's errors.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html
 */
export async function handler(event: CodePipelineJobEvent, context: LambdaContext): Promise<void> {
  const result = await runReviewJobWithin(event, clients, {
    remaining: () => context.getRemainingTimeInMillis() - REPORT_MARGIN_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }, context.functionName);
  // One line in the function's log; the report itself is in the artifact.
  console.log(JSON.stringify(result));
  if (result.result === 'refused') throw new Error(result.message);
}
