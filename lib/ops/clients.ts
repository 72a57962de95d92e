import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { KMSClient } from '@aws-sdk/client-kms';

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
}

/** The one call the operations need from a CodePipeline client: easy to mock, easy to read. */
export type CodePipelineApi = Pick<CodePipelineClient, 'send'>;
/** The one call the operations need from a KMS client. */
export type KmsApi = Pick<KMSClient, 'send'>;
/** Makes a KMS client for a Region: a key can live in another Region than the pipeline. */
export type KmsFactory = (region: string | undefined) => KmsApi;

function clientConfig(options: AwsOptions): { profile?: string; region?: string } {
  // On Node 20 the SDK prints a multi-line notice about its future Node 22 requirement on every run,
  // which buries pipectl's one-line results on stderr. It speaks to developers, not to operators;
  // set AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=false to see it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config: { profile?: string; region?: string } = {};
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.region !== undefined) config.region = options.region;
  return config;
}

export function createCodePipelineClient(options: AwsOptions): CodePipelineClient {
  return new CodePipelineClient(clientConfig(options));
}

export function createKmsFactory(options: AwsOptions): KmsFactory {
  return (region) => new KMSClient(clientConfig({ ...options, region: region ?? options.region }));
}
