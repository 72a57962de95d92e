import { CodePipelineClient, GetJobDetailsCommand, JobData } from '@aws-sdk/client-codepipeline';

/**
 * The event CodePipeline invokes a Lambda action's function with. Only the job's ID is read from it:
 * anyone allowed to invoke the function can write the rest, so the job's configuration, artifacts and
 * pipeline come from CodePipeline itself (GetJobDetails).
 */
export interface CodePipelineJobEvent {
  readonly 'CodePipeline.job': {
    readonly id: string;
    readonly [key: string]: unknown;
  };
}

/** A job CodePipeline holds for this function: its ID and what GetJobDetails answered. */
export interface ReviewJob {
  readonly id: string;
  readonly data: JobData;
  /** Where the job runs, for the report and the log. */
  readonly pipeline: { readonly name: string; readonly stage: string; readonly action: string };
}

/** Whether the job was read and is this function's, or why no result may be reported for it. */
export type ReadJobResult = { readonly job: ReviewJob } | { readonly refused: string };

/** A job ID as CodePipeline makes them (API model, `JobId`: a UUID). */
const JOB_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Reads the job the event names with GetJobDetails and checks that it is a job of this function: a
 * Lambda invoke action whose FunctionName is `functionName` (a name or an ARN). Anything else is
 * refused, and no result may be reported for it: a crafted event must not succeed, or fail, another
 * function's job. A job this function cannot read is refused too (its result is reported by nobody
 * and CodePipeline gives up on it after its timeout; the function's invocation fails, so its error
 * shows in the function's metrics and log).
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetJobDetails.html
 */
export async function readReviewJob(codepipeline: Pick<CodePipelineClient, 'send'>, event: CodePipelineJobEvent, functionName: string): Promise<ReadJobResult> {
  const jobId = event?.['CodePipeline.job']?.id;
  if (typeof jobId !== 'string' || !JOB_ID.test(jobId)) return { refused: 'the event names no CodePipeline job ID' };
  let data: JobData | undefined;
  try {
    data = (await codepipeline.send(new GetJobDetailsCommand({ jobId }))).jobDetails?.data;
  } catch (error) {
    return { refused: `could not read job ${jobId} with GetJobDetails: ${errorText(error)}` };
  }
  if (data === undefined) return { refused: `GetJobDetails returned no data for job ${jobId}` };
  const type = data.actionTypeId;
  const invoked = data.actionConfiguration?.configuration?.FunctionName;
  if (type?.category !== 'Invoke' || type.owner !== 'AWS' || type.provider !== 'Lambda' || invoked === undefined || !namesFunction(invoked, functionName)) {
    return { refused: `job ${jobId} is not a job of this function (${functionName}): its action ${type ? `${type.owner}/${type.category}/${type.provider}` : 'of no type'} invokes ${invoked === undefined ? 'no function' : `"${invoked}"`}` };
  }
  const context = data.pipelineContext;
  return {
    job: {
      id: jobId,
      data,
      pipeline: { name: context?.pipelineName ?? '', stage: context?.stage?.name ?? '', action: context?.action?.name ?? '' },
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
