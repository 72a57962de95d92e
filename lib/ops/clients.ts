import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { KMSClient } from '@aws-sdk/client-kms';
import { checkAwsEnvironment } from './aws-environment';
import { RequestTimeouts, addAnswerChecks } from './answer-checks';
import { REQUEST_TIMEOUT_SECONDS } from './request-timeouts';
import { checkProfile } from './profiles';

/**
 * The AWS settings a command accepts. Everything else (credentials, endpoint through
 * AWS_ENDPOINT_URL, retries through AWS_MAX_ATTEMPTS) comes from the SDK's default chain.
 */
export interface AwsOptions {
  /**
   * Named profile from the shared config and credentials files.
   * @default - the SDK's default chain (AWS_PROFILE, then `default`)
   */
  readonly profile?: string;
  /**
   * AWS Region of the pipeline.
   * @default - from AWS_REGION or the profile
   */
  readonly region?: string;
  /**
   * Seconds one request may go unanswered before pipectl gives up on it (each attempt).
   * @default 30
   */
  readonly requestTimeout?: number;
}

/** The one call the operations need from a CodePipeline client: easy to mock, easy to read. */
export type CodePipelineApi = Pick<CodePipelineClient, 'send'>;
/** The one call the operations need from a KMS client. */
export type KmsApi = Pick<KMSClient, 'send'>;
/** Makes a KMS client for a Region: a key can live in another Region than the pipeline. */
export type KmsFactory = (region: string | undefined) => KmsApi;

/** A connection that is not up after this long will not come up: give up on it early. */
const CONNECT_TIMEOUT_SECONDS = 10;

export function requestTimeouts(options: AwsOptions): RequestTimeouts {
  const answerSeconds = options.requestTimeout ?? REQUEST_TIMEOUT_SECONDS.default;
  return { answerSeconds, connectSeconds: Math.min(CONNECT_TIMEOUT_SECONDS, answerSeconds) };
}

export interface ClientConfig {
  profile?: string;
  region?: string;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
}

/**
 * The configuration of every client of one command. The AWS setup (environment variables, the
 * profile) is checked here, once per command, before any client is built: a KMS client per Region
 * reuses it.
 */
export function checkedClientConfig(options: AwsOptions): ClientConfig {
  quietNodeVersionNotice();
  checkAwsEnvironment({ regionGiven: options.region !== undefined });
  if (options.profile !== undefined) checkProfile(options.profile);
  const timeouts = requestTimeouts(options);
  const config: ClientConfig = {
    // Without a timeout an endpoint that accepts the connection and never answers holds pipectl
    // forever; without throwOnRequestTimeout the SDK only logs that the timeout passed.
    requestHandler: { connectionTimeout: timeouts.connectSeconds * 1000, requestTimeout: timeouts.answerSeconds * 1000, throwOnRequestTimeout: true },
  };
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.region !== undefined) config.region = options.region;
  return config;
}

/**
 * On Node 20 the SDK prints a multi-line notice about its future Node 22 requirement when a client
 * is built, which buries pipectl's one-line results on stderr. It speaks to developers, not to
 * operators; set AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=false to see it. Every client
 * pipectl uses is built here, after this.
 */
function quietNodeVersionNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

export function createCodePipelineClient(options: AwsOptions): CodePipelineClient {
  const client = new CodePipelineClient(checkedClientConfig(options));
  addAnswerChecks(client, requestTimeouts(options));
  return client;
}

export function createKmsFactory(options: AwsOptions): KmsFactory {
  const config = checkedClientConfig(options);
  const timeouts = requestTimeouts(options);
  return (region) => {
    const keyRegion = region ?? options.region;
    const client = new KMSClient(keyRegion === undefined ? config : { ...config, region: keyRegion });
    addAnswerChecks(client, timeouts);
    return client;
  };
}
