import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { REVIEW_REQUEST_HANDLER } from './request-timeouts';
import { ReviewJobClients } from './run-review-job';

/**
 * The function's SDK clients, every one with request timeouts: CodePipeline and STS once per
 * execution environment (warm invocations reuse their connections), CloudFormation and S3 per job,
 * since each job brings its own credentials.
 */
export function reviewJobClients(requestHandler = REVIEW_REQUEST_HANDLER): ReviewJobClients {
  return {
    codepipeline: new CodePipelineClient({ requestHandler }),
    sts: new STSClient({ requestHandler }),
    cloudFormation: (region, credentials) => new CloudFormationClient({ region, credentials, requestHandler }),
    s3: (credentials) => new S3Client({ credentials, requestHandler }),
  };
}
