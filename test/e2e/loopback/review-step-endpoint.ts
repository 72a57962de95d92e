import * as http from 'http';
import { LoopbackServer } from './loopback-server';

/** One request the review step's function made, as the endpoint read it. */
export interface ReviewStepCall {
  readonly service: 'sts' | 'cloudformation' | 's3' | 'codepipeline';
  readonly operation: string;
  /** Query parameters (STS, CloudFormation), the JSON body (CodePipeline), or bucket/key and size (S3). */
  readonly input: Record<string, unknown>;
  /** The access key of the SigV4 Authorization header: whose credentials signed the call. */
  readonly accessKeyId: string;
  /** The region of the SigV4 credential scope. */
  readonly region: string;
  /** The body of an S3 PutObject. */
  readonly body?: Buffer;
}

/**
 * Answers for the endpoint: a DescribeChangeSet page per NextToken (undefined for the first), and
 * GetJobDetails' answer (CodePipeline's JSON; the other CodePipeline operations answer `{}`).
 */
export interface ReviewStepWorld {
  readonly pages: (nextToken: string | undefined) => Record<string, unknown>;
  readonly jobDetails?: Record<string, unknown>;
  readonly credentials: { readonly AccessKeyId: string; readonly SecretAccessKey: string; readonly SessionToken: string };
}

/**
 * A loopback endpoint (127.0.0.1 only) for every service the review step's function calls, as the
 * SDK speaks to each: STS and CloudFormation in the query protocol (form body in, XML out), S3's REST
 * PutObject (path-style, as the SDK addresses a bucket at an IP endpoint), and CodePipeline's
 * awsJson1_1 (X-Amz-Target). Set AWS_ENDPOINT_URL to it.
 */
export class ReviewStepEndpoint extends LoopbackServer {
  readonly calls: ReviewStepCall[] = [];
  constructor(private readonly world: ReviewStepWorld) {
    super();
  }

  protected answer(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const auth = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
    if (!auth) return void res.writeHead(400).end('unsigned');
    const [, accessKeyId, region, service] = auth;
    if (req.method === 'PUT' && service === 's3') {
      const [, bucket, ...key] = decodeURIComponent((req.url ?? '').split('?')[0]).split('/');
      this.calls.push({ service: 's3', operation: 'PutObject', accessKeyId, region, input: { Bucket: bucket, Key: key.join('/'), ServerSideEncryption: req.headers['x-amz-server-side-encryption'], SSEKMSKeyId: req.headers['x-amz-server-side-encryption-aws-kms-key-id'], ContentType: req.headers['content-type'] }, body: decodeChunked(req, body) });
      return void res.writeHead(200, { ETag: '"e1"' }).end();
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string' && target.startsWith('CodePipeline_20150709.')) {
      const operation = target.split('.')[1];
      this.calls.push({ service: 'codepipeline', operation, accessKeyId, region, input: JSON.parse(body.toString('utf8')) });
      const answer = operation === 'GetJobDetails' ? this.world.jobDetails ?? {} : {};
      return void res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
    }
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const operation = params.Action;
    this.calls.push({ service: service === 'sts' ? 'sts' : 'cloudformation', operation, accessKeyId, region, input: params });
    if (operation === 'AssumeRole') {
      const c = this.world.credentials;
      return void xml(res, 'AssumeRole', `<Credentials><AccessKeyId>${c.AccessKeyId}</AccessKeyId><SecretAccessKey>${c.SecretAccessKey}</SecretAccessKey><SessionToken>${c.SessionToken}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${params.RoleSessionName}</AssumedRoleId><Arn>${params.RoleArn}</Arn></AssumedRoleUser>`, 'https://sts.amazonaws.com/doc/2011-06-15/');
    }
    if (operation === 'DescribeChangeSet') return void xml(res, 'DescribeChangeSet', toXml(this.world.pages(params.NextToken)), 'http://cloudformation.amazonaws.com/doc/2010-05-15/');
    res.writeHead(400).end(`no operation ${operation}`);
  }
}

function xml(res: http.ServerResponse, operation: string, result: string, ns: string): void {
  res.writeHead(200, { 'content-type': 'text/xml' }).end(`<${operation}Response xmlns="${ns}"><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</RequestId></ResponseMetadata></${operation}Response>`);
}

/** The query protocol's XML: a list's items are `member` elements; dates in ISO 8601. */
function toXml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `<${k}>${toXml(v)}</${k}>`).join('');
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** S3 bodies the SDK sends with a trailing checksum come aws-chunked: `<hex size>\r\n<data>\r\n…0\r\n<trailer>`. */
function decodeChunked(req: http.IncomingMessage, body: Buffer): Buffer {
  if (!String(req.headers['content-encoding'] ?? '').includes('aws-chunked')) return body;
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, end).toString('ascii').split(';')[0], 16);
    if (!size) break;
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
