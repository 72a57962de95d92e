import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { CodePipelineJobEvent, ReviewJobClients, runReviewJobWithin } from './run-review-job';

/** Time kept back from the function's timeout to report a failure before Lambda stops it. */
const REPORT_MARGIN_MS = 10_000;

/** The part of Lambda's context object the handler reads. */
interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

// One set of clients per execution environment: warm invocations reuse their connections.
const codepipeline = new CodePipelineClient({});
const sts = new STSClient({});

const clients: ReviewJobClients = {
  codepipeline,
  sts,
  cloudFormation: (region, credentials) => new CloudFormationClient({ region, credentials }),
  s3: (credentials) => new S3Client({ credentials }),
};

/**
 * The review step's function: CodePipeline invokes it for a Lambda invoke action, and it reports the
 * job's result itself (PutJobSuccessResult or PutJobFailureResult).
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html
 */
export async function handler(event: CodePipelineJobEvent, context: LambdaContext): Promise<void> {
  const result = await runReviewJobWithin(event, clients, {
    remaining: () => context.getRemainingTimeInMillis() - REPORT_MARGIN_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  // One line in the function's log; the report itself is in the artifact.
  console.log(JSON.stringify(result));
}
