import { UsageError } from '../private/usage-error';
import { isRegion } from '../private/aws-region';

/** The variables through which the SDK takes an endpoint: every service, or one. */
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CODEPIPELINE', 'AWS_ENDPOINT_URL_KMS', 'AWS_ENDPOINT_URL_CLOUDFORMATION', 'AWS_ENDPOINT_URL_STS'] as const;

/**
 * Checks the environment variables the SDK would read, before any call: a malformed endpoint URL
 * makes the SDK throw a TypeError from deep inside, and a malformed Region ends up in a host name.
 * Each is a usage error (exit 2) naming the variable and what a good value looks like.
 */
export function checkAwsEnvironment(options: { readonly regionGiven: boolean }, env: NodeJS.ProcessEnv = process.env): void {
  for (const variable of ENDPOINT_VARIABLES) {
    const value = env[variable];
    if (value !== undefined && value !== '' && !isHttpUrl(value)) {
      throw new UsageError(
        `${variable} is "${value}", which is not an http(s) URL: set it like https://codepipeline.us-east-1.amazonaws.com or http://127.0.0.1:4566, or unset it`,
      );
    }
  }
  // --region wins over AWS_REGION: the variable is not read then, whatever it holds.
  const region = options.regionGiven ? undefined : env.AWS_REGION;
  if (region !== undefined && region !== '' && !isRegion(region)) {
    throw new UsageError(`AWS_REGION is "${region}", which is not a Region: set it like us-east-1, or pass --region`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
