import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { KMSClient } from '@aws-sdk/client-kms';

/** A client of a query-protocol service (CloudFormation, STS): its middleware stack is what is used. */
export type QueryProtocolClient = { readonly middlewareStack: unknown };

/** The two limits every AWS request of pipectl runs under, in seconds. */
export interface RequestTimeouts {
  /** Until the TCP (and TLS) connection is up. */
  readonly connectSeconds: number;
  /** Until the whole answer is in, for each attempt. */
  readonly answerSeconds: number;
}

/** An attempt (or, after the SDK's retries, the last one) that hit a timeout. */
export class EndpointTimeout extends Error {
  constructor(
    readonly phase: 'connect' | 'answer',
    readonly seconds: number,
    readonly attempts: number,
  ) {
    super(`no ${phase === 'connect' ? 'connection' : 'answer'} within ${seconds} s`);
    this.name = 'EndpointTimeout';
  }
}

/**
 * An answer that is not from an AWS JSON service: a proxy's or a load balancer's HTML page, or a
 * wrong AWS_ENDPOINT_URL. The SDK would fail to parse it and point at a hidden `$response` field.
 */
export class NonAwsAnswer extends Error {
  /**
   * The status, where the SDK's retry strategy reads it: a 5xx page from a load balancer is as
   * transient as a 5xx from AWS, and is retried the same way.
   */
  readonly $metadata: { readonly httpStatusCode?: number };

  constructor(
    readonly statusCode: number | undefined,
    readonly contentType: string,
    /** The first bytes of the body, as text. */
    readonly bodyStart: string,
  ) {
    super(`HTTP ${statusCode ?? '?'} with a ${contentType} body`);
    this.name = 'NonAwsAnswer';
    this.$metadata = { httpStatusCode: statusCode };
  }
}

/** How many bytes of a non-AWS body a message quotes: enough to recognise a proxy's page. */
const QUOTED_BYTES = 80;

/** The shape of an SDK middleware, kept loose: these read only the status, headers and body. */
type Next = (args: unknown) => Promise<{ response: unknown; output?: unknown }>;

/**
 * Adds to a client the two checks that turn a bad endpoint into an error pipectl can name: the
 * timeout (outermost, so it sees the error after the SDK's retries) and the non-AWS answer (closest
 * to the network, before the SDK's deserializer reads the body). `answers` is the content type the
 * service's protocol answers with: JSON, or XML for the query protocol of CloudFormation and STS.
 */
export function addAnswerChecks(client: CodePipelineClient | KMSClient | QueryProtocolClient, timeouts: RequestTimeouts, answers: RegExp = /json/i): void {
  const stack = client.middlewareStack as unknown as {
    add(middleware: (next: Next) => Next, options: { step: string; priority: string; name: string }): void;
  };
  stack.add((next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      throw asEndpointTimeout(error, timeouts) ?? error;
    }
  }, { step: 'initialize', priority: 'high', name: 'pipectlEndpointTimeout' });
  stack.add((next) => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
    const contentType = headerOf(response.headers, 'content-type');
    if (contentType !== undefined && !answers.test(contentType)) {
      throw new NonAwsAnswer(response.statusCode, contentType.split(';')[0].trim(), await firstBytes(response.body));
    }
    return result;
  }, { step: 'deserialize', priority: 'low', name: 'pipectlNonAwsAnswer' });
}

function asEndpointTimeout(error: unknown, timeouts: RequestTimeouts): EndpointTimeout | undefined {
  const e = error as { name?: string; message?: string; $metadata?: { attempts?: number } } | undefined;
  if (e?.name !== 'TimeoutError') return undefined;
  // The HTTP handler's two timeouts differ only in their message.
  const connect = /establish a connection/.test(e.message ?? '');
  return new EndpointTimeout(connect ? 'connect' : 'answer', connect ? timeouts.connectSeconds : timeouts.answerSeconds, e.$metadata?.attempts ?? 1);
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers![key];
}

async function firstBytes(body: unknown): Promise<string> {
  if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return '';
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream: the rest of the body is not wanted.
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = Buffer.from(chunk);
    chunks.push(bytes);
    size += bytes.length;
    if (size >= QUOTED_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, QUOTED_BYTES).toString('utf-8');
}
