import { CodePipelineClient, FailureType, JobData, PutJobFailureResultCommand, PutJobSuccessResultCommand } from '@aws-sdk/client-codepipeline';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { RoleSession, assumeReviewerRole } from '../assume-role';
import { NOT_FOUND } from '../change-set-status';
import { ChangeSetReview } from '../change-set-review';
import { reviewChangeSet } from '../classify';
import { CloudFormationApi, describeWholeChangeSet } from '../describe-change-set';
import { CodePipelineJobEvent, ReviewJob, errorText, readReviewJob } from './review-job';
import { MAX_FAILURE_MESSAGE_LENGTH, ReviewOutcome, cap, reviewOutcome } from './review-outcome';
import { ReviewParameters, parseReviewParameters } from './review-parameters';
import { REPORT_JSON, REPORT_MARKDOWN, reviewReportJson, reviewReportMarkdown } from './review-report';
import { zipFiles } from './zip';

export type { CodePipelineJobEvent };

/** Temporary credentials: the reviewer role's session, or the job's artifact credentials. */
export type Credentials = RoleSession;

/** The SDK calls the step makes, each behind `send` so tests answer them. */
export interface ReviewJobClients {
  /** In the pipeline's Region, as the function's role. */
  readonly codepipeline: Pick<CodePipelineClient, 'send'>;
  /** As the function's role. */
  readonly sts: Pick<STSClient, 'send'>;
  /** In the change set's Region, as the reviewer role. */
  cloudFormation(region: string, credentials: Credentials): CloudFormationApi;
  /** In the artifact store's Region, with the job's artifact credentials. */
  s3(credentials: Credentials): Pick<S3Client, 'send'>;
}

export interface ReviewJobTiming {
  /** Milliseconds left before the function must have reported (its timeout less a margin). */
  remaining(): number;
  sleep(ms: number): Promise<void>;
}

/** What the step did, for its log line and tests. */
export interface ReviewJobResult {
  readonly jobId: string;
  /** `refused`: the event named no job of this function, and nothing was reported. */
  readonly result: 'succeeded' | 'failed' | 'refused';
  readonly message: string;
  /** DescribeChangeSet calls made. */
  readonly describeCalls: number;
  /** The pipeline, stage and action of the job, as CodePipeline holds them. */
  readonly pipeline?: ReviewJob['pipeline'];
  /** Why the job was read from the event rather than from CodePipeline (GetJobDetails did not answer). */
  readonly jobFromEvent?: string;
}

/** How long to wait between reads of a change set that is still being created. */
const PENDING_WAIT_MS = 5000;

/**
 * Runs one review job: reads the job from CodePipeline (never from the event, which whoever may
 * invoke the function can write) and checks that it is this function's, then reviews it. A refused
 * job gets no result.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-invoke-lambda-function.html
 */
export async function runReviewJob(event: CodePipelineJobEvent, clients: ReviewJobClients, timing: ReviewJobTiming, functionName: string): Promise<ReviewJobResult> {
  const read = await readReviewJob(clients.codepipeline, event, functionName);
  if ('refused' in read) return refusal(event, read.refused);
  return reviewJob(read.job, clients, timing);
}

/**
 * Reviews a job of this function: reads its UserParameters, assumes the reviewer role, reads the
 * change set whole (waiting while CloudFormation still creates it), classifies it, writes the report
 * to the action's output artifact, and reports the job's result to CodePipeline: success with the
 * summary as output variables, or failure with the reason. Exactly one result is reported, whatever
 * goes wrong.
 */
export async function reviewJob(job: ReviewJob, clients: ReviewJobClients, timing: ReviewJobTiming): Promise<ReviewJobResult> {
  const jobId = job.id;
  let describeCalls = 0;
  const fail = async (type: FailureType, message: string): Promise<ReviewJobResult> => {
    const text = cap(message, MAX_FAILURE_MESSAGE_LENGTH);
    await clients.codepipeline.send(new PutJobFailureResultCommand({ jobId, failureDetails: { type, message: text } }));
    return { jobId, result: 'failed', message: text, describeCalls, pipeline: job.pipeline, ...fromEvent(job) };
  };

  let parameters: ReviewParameters;
  try {
    parameters = parseReviewParameters(job.data.actionConfiguration?.configuration?.UserParameters);
  } catch (error) {
    return fail('ConfigurationError', (error as Error).message);
  }
  const where = `change set "${parameters.changeSetName}" of stack "${parameters.stackName}" (account ${parameters.account}, ${parameters.region})`;
  try {
    let session: Credentials;
    try {
      // CloudTrail in the target account shows which pipeline job read the change set.
      session = await assumeReviewerRole(clients.sts, parameters.roleArn, `review-${jobId}`);
    } catch (error) {
      return await fail('PermissionError', `Could not assume the reviewer role ${parameters.roleArn}: ${errorText(error)}`);
    }
    const cloudFormation = clients.cloudFormation(parameters.region, session);
    let review: ChangeSetReview;
    for (;;) {
      const described = await describeWholeChangeSet(cloudFormation, parameters.stackName, parameters.changeSetName);
      describeCalls += described.calls;
      review = described.changeSet === undefined
        ? reviewChangeSet({ StackName: parameters.stackName, ChangeSetName: parameters.changeSetName }, NOT_FOUND)
        : reviewChangeSet(described.changeSet);
      if (review.meaning.state !== 'pending') break;
      if (timing.remaining() < PENDING_WAIT_MS) {
        return await fail('JobFailed', `Timed out: the ${where} was still being created (${review.status}) when the review had to report; run the stage again.`);
      }
      await timing.sleep(PENDING_WAIT_MS);
    }
    const outcome = reviewOutcome(review, parameters);
    await writeReport(job, clients, parameters, review, outcome);
    if (outcome.failure !== undefined) return await fail('JobFailed', outcome.failure);
    await clients.codepipeline.send(new PutJobSuccessResultCommand({
      jobId,
      executionDetails: { summary: outcome.summary },
      outputVariables: outcome.outputVariables,
    }));
    return { jobId, result: 'succeeded', message: outcome.summary, describeCalls, pipeline: job.pipeline, ...fromEvent(job) };
  } catch (error) {
    return fail('JobFailed', `Could not review the ${where}: ${errorText(error)}`);
  }
}

/**
 * Runs the job, but reports a failure itself when the review has not finished `remaining()`
 * milliseconds from now: a function that times out reports nothing, and CodePipeline would wait 20
 * minutes before it gives up on the action. The job is read and checked first: only a job of this
 * function gets a result, the timeout's included.
 */
export async function runReviewJobWithin(event: CodePipelineJobEvent, clients: ReviewJobClients, timing: ReviewJobTiming, functionName: string): Promise<ReviewJobResult> {
  const read = await readReviewJob(clients.codepipeline, event, functionName);
  if ('refused' in read) return refusal(event, read.refused);
  const job = read.job;
  let timer: NodeJS.Timeout | undefined;
  let reported = false;
  const guarded: ReviewJobClients = {
    ...clients,
    codepipeline: {
      send: ((command: Parameters<ReviewJobClients['codepipeline']['send']>[0]) => {
        if (reported) return Promise.reject(new Error('the job has already been reported'));
        reported = true;
        return clients.codepipeline.send(command);
      }) as ReviewJobClients['codepipeline']['send'],
    },
  };
  const timeout = new Promise<ReviewJobResult>((resolve, reject) => {
    timer = setTimeout(() => {
      if (reported) return;
      reported = true;
      const message = 'Timed out: the review did not finish within the function\'s time; see its log, then run the stage again.';
      clients.codepipeline.send(new PutJobFailureResultCommand({ jobId: job.id, failureDetails: { type: 'JobFailed', message } }))
        .then(() => resolve({ jobId: job.id, result: 'failed', message, describeCalls: 0, pipeline: job.pipeline, ...fromEvent(job) }), reject);
    }, Math.max(0, timing.remaining()));
  });
  try {
    return await Promise.race([reviewJob(job, guarded, timing), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function refusal(event: CodePipelineJobEvent, reason: string): ReviewJobResult {
  const id = event?.['CodePipeline.job']?.id;
  return { jobId: typeof id === 'string' ? id : '', result: 'refused', message: `Nothing reported: ${reason}.`, describeCalls: 0 };
}

/**
 * The report, zipped, to the action's first output artifact with the job's artifact credentials,
 * encrypted with the artifact store's key (`encryptionKey`) as every artifact is. An action declared
 * without an output artifact writes none.
 */
async function writeReport(job: ReviewJob, clients: ReviewJobClients, parameters: ReviewParameters, review: ChangeSetReview, outcome: ReviewOutcome): Promise<void> {
  const data: JobData = job.data;
  const location = data.outputArtifacts?.[0]?.location?.s3Location;
  if (!location?.bucketName || !location.objectKey) return;
  const c = data.artifactCredentials;
  if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken) throw new Error('the job carries no artifact credentials to write the report with');
  const body = zipFiles([
    { name: REPORT_MARKDOWN, content: reviewReportMarkdown(parameters, review, outcome, job.pipeline) },
    { name: REPORT_JSON, content: reviewReportJson(parameters, review, outcome, job.pipeline) },
  ]);
  const key = data.encryptionKey;
  await clients.s3({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken }).send(new PutObjectCommand({
    Bucket: location.bucketName,
    Key: location.objectKey,
    Body: body,
    ContentType: 'application/zip',
    ...(key?.id && key.type === 'KMS' ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key.id } : {}),
  }));
}

/** The log's note of a job read from the event, when GetJobDetails did not answer for it. */
function fromEvent(job: ReviewJob): Pick<ReviewJobResult, 'jobFromEvent'> {
  return job.readFrom === 'event' ? { jobFromEvent: job.getJobDetailsError ?? 'GetJobDetails did not answer' } : {};
}
