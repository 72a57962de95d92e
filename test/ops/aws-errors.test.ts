import { CodePipelineServiceException } from '@aws-sdk/client-codepipeline';
import { describeAwsError } from '../../lib/ops/aws-errors';

function serviceError(name: string, message: string, attempts = 1): CodePipelineServiceException {
  return new CodePipelineServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400, attempts } });
}
const target = { pipeline: 'P', stage: 'Deploy', action: 'Approve' };

test.each([
  ['PipelineNotFoundException', 'x', 'pipeline "P" not found: check the name, --region and --profile'],
  ['AccessDeniedException', 'User: arn:aws:iam::1:user/u is not authorized\n to perform: codepipeline:PutApprovalResult', 'action "Approve" in stage "Deploy" of pipeline "P": access denied: User: arn:aws:iam::1:user/u is not authorized to perform: codepipeline:PutApprovalResult'],
  ['ExpiredTokenException', 'expired', 'action "Approve" in stage "Deploy" of pipeline "P": the AWS credentials have expired (ExpiredTokenException): refresh them and try again'],
  ['ApprovalAlreadyCompletedException', 'done', 'action "Approve" in stage "Deploy" of pipeline "P": ApprovalAlreadyCompletedException: done'],
])('%s', (name, message, expected) => {
  expect(describeAwsError(serviceError(name, message), target)).toBe(expected);
});

test('throttling names the attempts', () => {
  expect(describeAwsError(serviceError('ThrottlingException', 'Rate exceeded', 3), { pipeline: 'P' })).toBe(
    'pipeline "P": throttled by AWS (ThrottlingException) after 3 attempts: try again later, or raise AWS_MAX_ATTEMPTS',
  );
});

test('missing credentials and unreachable endpoints', () => {
  const credentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  expect(describeAwsError(credentials, { pipeline: 'P' })).toBe(
    'pipeline "P": no AWS credentials found: pass --profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (Could not load credentials from any providers)',
  );
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  expect(describeAwsError(refused, { pipeline: 'P' })).toBe(
    'pipeline "P": cannot reach the AWS endpoint (ECONNREFUSED): check the network, --region and AWS_ENDPOINT_URL',
  );
});

test('anything else is not an AWS error', () => {
  expect(describeAwsError(new TypeError('x is undefined'), { pipeline: 'P' })).toBeUndefined();
});
