import { checkAwsEnvironment } from '../../lib/ops/aws-environment';

function refusal(regionGiven: boolean, env: NodeJS.ProcessEnv): string | undefined {
  try {
    checkAwsEnvironment({ regionGiven }, env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the AWS environment pipectl checks before any request', () => {
  test('a malformed AWS_REGION is refused when --region is not given', () => {
    expect(refusal(false, { AWS_REGION: 'bad region' })).toBe('AWS_REGION is "bad region", which is not a Region: set it like us-east-1, or pass --region');
  });

  test('with --region given, AWS_REGION is not read, whatever it holds', () => {
    expect(refusal(true, { AWS_REGION: 'bad region' })).toBeUndefined();
  });

  test('an endpoint URL that is not http(s) is refused either way', () => {
    expect(refusal(true, { AWS_ENDPOINT_URL_KMS: 'ftp://x' })).toBe(
      'AWS_ENDPOINT_URL_KMS is "ftp://x", which is not an http(s) URL: set it like https://codepipeline.us-east-1.amazonaws.com or http://127.0.0.1:4566, or unset it',
    );
    expect(refusal(false, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_REGION: 'eu-west-1' })).toBeUndefined();
  });
});
