import { CodePipelineClient, GetJobDetailsCommand, JobData } from '@aws-sdk/client-codepipeline';

/**
 * The event CodePipeline invokes a Lambda action's function with: the job's ID and its data. Anyone
 * allowed to invoke the function can write it, so the job is read from CodePipeline (GetJobDetails)
 * whenever CodePipeline answers for it.
 */
export interface CodePipelineJobEvent {
  readonly 'CodePipeline.job': {
    readonly id: string;
    readonly data?: JobData;
    readonly [key: string]: unknown;
  };
}

/** A job CodePipeline holds for this function: its ID and what GetJobDetails answered. */
export interface ReviewJob {
  readonly id: string;
  readonly data: JobData;
  /** Where the job runs, for the report and the log (empty when read from the event, which does not say). */
  readonly pipeline: { readonly name: string; readonly stage: string; readonly action: string };
  /** Where the job's data came from: CodePipeline (GetJobDetails), or the invocation's event when CodePipeline did not answer. */
  readonly readFrom: 'GetJobDetails' | 'event';
  /** Why GetJobDetails did not answer, when the job was read from the event. */
  readonly getJobDetailsError?: string;
}

/** Whether the job was read and is this function's, or why no result may be reported for it. */
export type ReadJobResult = { readonly job: ReviewJob } | { readonly refused: string };

/** A job ID as CodePipeline makes them (API model, `JobId`: a UUID). */
const JOB_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Reads the job the event names and checks that it is a job of this function: a Lambda invoke action
 * whose FunctionName is `functionName` (a name or an ARN). The job's data comes from GetJobDetails
 * when CodePipeline answers it, so that a crafted event cannot succeed, or fail, another function's
 * job or pass other parameters. The API reference describes GetJobDetails for custom actions; where
 * it does not answer for a Lambda action's job, the data is the event's, as for every Lambda invoke
 * action (CodePipeline gives its functions `PutJob*Result` on `*` only): whoever may invoke the
 * function may then report a result for a job whose ID they know, so keep `lambda:InvokeFunction`
 * on it to the pipeline role. A job that is not this function's is refused, and nothing is reported.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetJobDetails.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-invoke-lambda-function.html
 */
export async function readReviewJob(codepipeline: Pick<CodePipelineClient, 'send'>, event: CodePipelineJobEvent, functionName: string): Promise<ReadJobResult> {
  const jobId = event?.['CodePipeline.job']?.id;
  if (typeof jobId !== 'string' || !JOB_ID.test(jobId)) return { refused: 'the event names no CodePipeline job ID' };
  let data: JobData | undefined;
  let getJobDetailsError: string | undefined;
  try {
    data = (await codepipeline.send(new GetJobDetailsCommand({ jobId }))).jobDetails?.data;
    if (data === undefined) getJobDetailsError = 'GetJobDetails returned no data';
  } catch (error) {
    getJobDetailsError = errorText(error);
  }
  const readFrom = getJobDetailsError === undefined ? 'GetJobDetails' : 'event';
  if (getJobDetailsError !== undefined) {
    data = event['CodePipeline.job'].data;
    if (data === undefined) return { refused: `could not read job ${jobId} with GetJobDetails (${getJobDetailsError}), and the event carries no job data` };
  }
  const type = data!.actionTypeId;
  const invoked = data!.actionConfiguration?.configuration?.FunctionName;
  // The event's data names no action type: only the function it invokes can be checked there.
  const typeIsLambda = readFrom === 'event' ? type === undefined || (type.category === 'Invoke' && type.owner === 'AWS' && type.provider === 'Lambda')
    : type?.category === 'Invoke' && type.owner === 'AWS' && type.provider === 'Lambda';
  if (!typeIsLambda || invoked === undefined || !namesFunction(invoked, functionName)) {
    return { refused: `job ${jobId} is not a job of this function (${functionName}): its action ${type ? `${type.owner}/${type.category}/${type.provider}` : 'of no type'} invokes ${invoked === undefined ? 'no function' : `"${invoked}"`}` };
  }
  const context = data!.pipelineContext;
  return {
    job: {
      id: jobId,
      data: data!,
      pipeline: { name: context?.pipelineName ?? '', stage: context?.stage?.name ?? '', action: context?.action?.name ?? '' },
      readFrom,
      ...(getJobDetailsError !== undefined ? { getJobDetailsError } : {}),
    },
  };
}

/** A Lambda action's FunctionName is the function's name or ARN, an ARN possibly with a version or alias. */
function namesFunction(configured: string, functionName: string): boolean {
  if (configured === functionName) return true;
  const arn = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([^:]+)(:[^:]+)?$/.exec(configured);
  return arn?.[1] === functionName;
}

/** An SDK error as `Name: message`. */
export function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string } | undefined;
  if (e?.name && e.message) return `${e.name}: ${e.message}`;
  return String(e?.message ?? error);
}
