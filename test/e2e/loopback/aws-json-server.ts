import * as http from 'http';
import { LoopbackServer } from './loopback-server';
import { CODEPIPELINE_INPUTS, KMS_INPUTS, Shape, shapeViolations } from './shapes';

/** An AWS error as the JSON protocols send it. */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type Handler = (input: Record<string, unknown>) => unknown;

export interface RecordedRequest {
  readonly service: 'codepipeline' | 'kms';
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** Region and access key from the SigV4 Authorization header. */
  readonly region: string;
  readonly accessKeyId: string;
}

const SERVICES: Record<string, { service: 'codepipeline' | 'kms'; shapes: Record<string, Shape> }> = {
  CodePipeline_20150709: { service: 'codepipeline', shapes: CODEPIPELINE_INPUTS },
  TrentService: { service: 'kms', shapes: KMS_INPUTS },
};

/**
 * A loopback endpoint speaking the awsJson1_1 protocol of CodePipeline and KMS: it checks the
 * SigV4 header and each body against the operation's input shape, then answers from `handlers`.
 * Listens only on 127.0.0.1.
 */
export class AwsJsonServer extends LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  /**
   * When set, answers every request in its place, as an endpoint that is not AWS would: never (a
   * hung endpoint), or with a proxy's HTML page.
   */
  misbehave?: (res: http.ServerResponse) => void;
  /** Requests the endpoint refused as malformed; a test expects this to stay empty. */
  readonly malformed: string[] = [];
  constructor(private readonly handlers: Record<string, Handler>) {
    super();
  }

  calls(operation: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  protected answer(req: http.IncomingMessage, bytes: Buffer, res: http.ServerResponse): void {
    const body = bytes.toString('utf-8');
    if (this.misbehave) return this.misbehave(res);
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${this.requests.length}` });
      res.end(JSON.stringify(payload));
    };
    const fail = (type: string, message: string, status = 400): void => {
      if (type === 'SerializationException' || type === 'ValidationException' || type === 'UnknownOperationException') {
        this.malformed.push(message);
      }
      send(status, { __type: type, message });
    };
    const [prefix, operation] = String(req.headers['x-amz-target'] ?? '').split('.');
    const service = SERVICES[prefix];
    if (req.method !== 'POST' || !service || !operation) return fail('UnknownOperationException', `no operation for target "${req.headers['x-amz-target']}"`);
    if (req.headers['content-type'] !== 'application/x-amz-json-1.1') return fail('SerializationException', `content-type ${req.headers['content-type']}`);
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!auth || auth[3] !== service.service) return fail('IncompleteSignatureException', `bad Authorization for ${service.service}`);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body || '{}');
    } catch {
      return fail('SerializationException', `${operation}: body is not JSON`);
    }
    const shape = service.shapes[operation];
    if (!shape) return fail('UnknownOperationException', `${operation} is not in the endpoint's table`);
    const problems = shapeViolations(shape, input);
    if (problems.length > 0) return fail('ValidationException', `${operation}: ${problems.join('; ')}`);
    this.requests.push({ service: service.service, operation, input, region: auth[2], accessKeyId: auth[1] });
    const handler = this.handlers[operation];
    if (!handler) return fail('UnknownOperationException', `${operation} has no handler in this test`);
    try {
      send(200, handler(input) ?? {});
    } catch (error) {
      if (error instanceof AwsJsonError) return send(error.status, { __type: error.type, message: error.message });
      return send(500, { __type: 'InternalFailure', message: String(error) });
    }
  }
}
