import { CodePipelineClient, FailureType, PutJobFailureResultCommand, PutJobSuccessResultCommand } from '@aws-sdk/client-codepipeline';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NOT_FOUND } from '../change-set-status';
import { ChangeSetReview } from '../change-set-review';
import { reviewChangeSet } from '../classify';
import { CloudFormationApi, describeWholeChangeSet } from '../describe-change-set';
import { MAX_FAILURE_MESSAGE_LENGTH, reviewOutcome } from './review-outcome';
import { ReviewParameters, parseReviewParameters } from './review-parameters';
import { REPORT_JSON, REPORT_MARKDOWN, reviewReportJson, reviewReportMarkdown } from './review-report';
import { zipFiles } from './zip';

/** Temporary credentials: the reviewer role's session, or the job's artifact credentials. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** The event CodePipeline invokes a Lambda action's function with (the parts the step reads). */
export interface CodePipelineJobEvent {
  readonly 'CodePipeline.job': {
    readonly id: string;
    readonly accountId?: string;
    readonly data: {
      readonly actionConfiguration?: { readonly configuration?: { readonly FunctionName?: string; readonly UserParameters?: string } };
      readonly outputArtifacts?: readonly { readonly name?: string; readonly location?: { readonly type?: string; readonly s3Location?: { readonly bucketName: string; readonly objectKey: string } } }[];
      readonly artifactCredentials?: Credentials;
      readonly encryptionKey?: { readonly id: string; readonly type: string };
    };
  };
}

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
  readonly result: 'succeeded' | 'failed';
  readonly message: string;
  /** DescribeChangeSet calls made. */
  readonly describeCalls: number;
}

/** STS's shortest session: a review takes seconds. */
const SESSION_SECONDS = 900;
/** How long to wait between reads of a change set that is still being created. */
const PENDING_WAIT_MS = 5000;

/**
 * Runs one review job: reads UserParameters, assumes the reviewer role, reads the change set whole
 * (waiting while CloudFormation still creates it), classifies it, writes the report to the action's
 * output artifact, and reports the job's result to CodePipeline: success with the summary as output
 * variables, or failure with the reason. Exactly one result is reported, whatever goes wrong.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-invoke-lambda-function.html
 */
export async function runReviewJob(event: CodePipelineJobEvent, clients: ReviewJobClients, timing: ReviewJobTiming): Promise<ReviewJobResult> {
  const job = event['CodePipeline.job'];
  const jobId = job.id;
  let describeCalls = 0;
  const fail = async (type: FailureType, message: string): Promise<ReviewJobResult> => {
    const text = message.length > MAX_FAILURE_MESSAGE_LENGTH ? `${message.slice(0, MAX_FAILURE_MESSAGE_LENGTH - 1)}…` : message;
    await clients.codepipeline.send(new PutJobFailureResultCommand({ jobId, failureDetails: { type, message: text } }));
    return { jobId, result: 'failed', message: text, describeCalls };
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
      session = await assumeReviewerRole(clients.sts, parameters.roleArn, jobId);
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
    await writeReport(job.data, clients, parameters, review, outcome);
    if (outcome.failure !== undefined) return await fail('JobFailed', outcome.failure);
    await clients.codepipeline.send(new PutJobSuccessResultCommand({
      jobId,
      executionDetails: { summary: outcome.summary },
      outputVariables: outcome.outputVariables,
    }));
    return { jobId, result: 'succeeded', message: outcome.summary, describeCalls };
  } catch (error) {
    return fail('JobFailed', `Could not review the ${where}: ${errorText(error)}`);
  }
}

/**
 * Runs the job, but reports a failure itself when the work has not finished `remaining()`
 * milliseconds from now: a function that times out reports nothing, and CodePipeline would wait 20
 * minutes before it gives up on the action.
 */
export async function runReviewJobWithin(event: CodePipelineJobEvent, clients: ReviewJobClients, timing: ReviewJobTiming): Promise<ReviewJobResult> {
  const jobId = event['CodePipeline.job'].id;
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
      clients.codepipeline.send(new PutJobFailureResultCommand({ jobId, failureDetails: { type: 'JobFailed', message } }))
        .then(() => resolve({ jobId, result: 'failed', message, describeCalls: 0 }), reject);
    }, Math.max(0, timing.remaining()));
  });
  try {
    return await Promise.race([runReviewJob(event, guarded, timing), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function assumeReviewerRole(sts: ReviewJobClients['sts'], roleArn: string, jobId: string): Promise<Credentials> {
  const answer = await sts.send(new AssumeRoleCommand({
    RoleArn: roleArn,
    // CloudTrail in the target account shows which pipeline job read the change set.
    RoleSessionName: `review-${jobId}`.slice(0, 64),
    DurationSeconds: SESSION_SECONDS,
  }));
  const c = answer.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('AssumeRole returned no credentials');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/**
 * The report, zipped, to the action's first output artifact with the job's artifact credentials,
 * encrypted with the artifact store's key (`encryptionKey`) as every artifact is. An action declared
 * without an output artifact writes none.
 */
async function writeReport(data: CodePipelineJobEvent['CodePipeline.job']['data'], clients: ReviewJobClients, parameters: ReviewParameters, review: ChangeSetReview, outcome: ReturnType<typeof reviewOutcome>): Promise<void> {
  const location = data.outputArtifacts?.[0]?.location?.s3Location;
  if (!location) return;
  if (!data.artifactCredentials) throw new Error('the job carries no artifact credentials to write the report with');
  const body = zipFiles([
    { name: REPORT_MARKDOWN, content: reviewReportMarkdown(parameters, review, outcome) },
    { name: REPORT_JSON, content: reviewReportJson(parameters, review, outcome) },
  ]);
  const key = data.encryptionKey;
  await clients.s3(data.artifactCredentials).send(new PutObjectCommand({
    Bucket: location.bucketName,
    Key: location.objectKey,
    Body: body,
    ContentType: 'application/zip',
    ...(key && key.type === 'KMS' ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key.id } : {}),
  }));
}

function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string } | undefined;
  if (e?.name && e.message) return `${e.name}: ${e.message}`;
  return String(e?.message ?? error);
}
