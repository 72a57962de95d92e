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
  if (e.message === 'Region is missing') {
    return `${what}: no AWS Region is configured: pass --region, set AWS_REGION, or set region in the profile`;
  }
  if (name === 'CredentialsProviderError') {
    return `${what}: no AWS credentials found: pass --profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (${detail})`;
  }
  if (e.code && NETWORK_CODES.has(e.code)) {
    return `${what}: cannot reach the AWS endpoint (${e.code}): check the network, --region and AWS_ENDPOINT_URL`;
  }
  if (!e.$metadata && !e.$fault) return undefined;
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

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
