import { EndpointTimeout, NonAwsAnswer } from './answer-checks';
import { OperationTarget, describeTarget } from './target';

/** The parts of an SDK v3 error we read; every field is optional because network errors lack them. */
interface SdkErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
  readonly $fault?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);
const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const BAD_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'IncompleteSignature']);

/**
 * Turns an error from the AWS SDK (service error, credentials, network) into one line naming the
 * pipeline, stage or action; returns `undefined` for anything else, which is a bug to surface.
 */
export function describeAwsError(error: unknown, target: OperationTarget): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as SdkErrorLike;
  const what = describeTarget(target);
  const name = e.name ?? '';
  const detail = oneLine(e.message ?? '');
  const configuration = describeConfigurationError(error);
  if (configuration !== undefined) return `${what}: ${configuration}`;
  if (error instanceof EndpointTimeout) {
    const tries = `${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
    return error.phase === 'connect'
      ? `${what}: no connection to the AWS endpoint within ${error.seconds} s (${tries}): check the network, --region and AWS_ENDPOINT_URL`
      : `${what}: no answer from the AWS endpoint within ${error.seconds} s (${tries}): check the network and AWS_ENDPOINT_URL, or raise --request-timeout`;
  }
  if (error instanceof NonAwsAnswer) {
    return (
      `${what}: the endpoint answered HTTP ${error.statusCode ?? '?'} with a non-AWS body (${error.contentType}): ` +
      `check AWS_ENDPOINT_URL, --region and any proxy between pipectl and AWS; the body began: ${error.bodyStart}`
    );
  }
  if (name === 'CredentialsProviderError') {
    return `${what}: no AWS credentials found: pass --profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (${detail})`;
  }
  if (e.code && NETWORK_CODES.has(e.code)) {
    return `${what}: cannot reach the AWS endpoint (${e.code}): check the network, --region and AWS_ENDPOINT_URL`;
  }
  if (!e.$metadata && !e.$fault) return undefined;
  if (name === 'SyntaxError') {
    // A JSON content type with a body that is not JSON: not an answer from an AWS service either.
    return `${what}: the endpoint answered HTTP ${e.$metadata?.httpStatusCode ?? '?'} with a body that is not JSON: check AWS_ENDPOINT_URL`;
  }
  const attempts = e.$metadata?.attempts;
  if (THROTTLING.has(name)) {
    return `${what}: throttled by AWS (${name}) after ${attempts ?? 1} attempt${attempts === 1 ? '' : 's'}: try again later, or raise AWS_MAX_ATTEMPTS`;
  }
  if (EXPIRED.has(name)) return `${what}: the AWS credentials have expired (${name}): refresh them and try again`;
  if (BAD_CREDENTIALS.has(name)) return `${what}: the AWS credentials were not accepted (${name}): ${detail}`;
  switch (name) {
    case 'AccessDeniedException':
    case 'AccessDenied':
      return `${what}: access denied: ${detail}`;
    case 'PipelineNotFoundException':
      return `pipeline "${target.pipeline}" not found: check the name, --region and --profile`;
    case 'StageNotFoundException':
      return `${what}: stage not found in pipeline "${target.pipeline}"`;
    case 'ActionNotFoundException':
      return `${what}: action not found`;
    default:
      return `${what}: ${name || 'AWS error'}: ${detail || `HTTP ${e.$metadata?.httpStatusCode ?? '?'}`}`;
  }
}

/**
 * The errors that come from how pipectl was set up (no Region, a Region or endpoint URL the SDK
 * cannot use, e.g. from the profile) rather than from the pipeline: usage errors, exit 2.
 */
export function describeConfigurationError(error: unknown): string | undefined {
  const e = error as { message?: unknown; code?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (message === 'Region is missing') return 'no AWS Region is configured: pass --region, set AWS_REGION, or set region in the profile';
  const region = /^Region not accepted: region="(.*)" is not a valid hostname component/.exec(message);
  if (region) return `the Region "${region[1]}" is not valid: a Region is written like us-east-1; check --region, AWS_REGION and region in the profile`;
  if (e?.code === 'ERR_INVALID_URL') return 'the AWS endpoint is not a URL: check AWS_ENDPOINT_URL and endpoint_url in the profile';
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
