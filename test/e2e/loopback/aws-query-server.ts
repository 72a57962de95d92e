import * as http from 'http';
import { LoopbackServer } from './loopback-server';

/** An error as the query protocol sends it: an ErrorResponse document with a Code. */
export class AwsQueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** An XML element: a name and either text or child elements (a list repeats `member`). */
export type XmlNode = string | number | boolean | Date | undefined | XmlNode[] | { readonly [name: string]: XmlNode };

export type QueryHandler = (params: URLSearchParams) => XmlNode;

export interface QueryService {
  /** The SigV4 signing name (`cloudformation`, `sts`). */
  readonly signingName: string;
  readonly version: string;
  /** The namespace of the answers. */
  readonly xmlns: string;
  readonly handlers: Record<string, QueryHandler>;
}

export interface RecordedQuery {
  readonly service: string;
  readonly operation: string;
  readonly params: Record<string, string>;
  readonly region: string;
  readonly accessKeyId: string;
}

/**
 * A loopback endpoint speaking the query protocol of CloudFormation and STS: a form-encoded POST
 * with Action and Version, signed with SigV4 for the service; answers are XML documents
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata/></OpResponse>`, errors `<ErrorResponse>`.
 * One endpoint serves both services, told apart by the signing name. Listens only on 127.0.0.1.
 */
export class AwsQueryServer extends LoopbackServer {
  readonly requests: RecordedQuery[] = [];
  /** Requests refused as malformed; a test expects this to stay empty. */
  readonly malformed: string[] = [];
  constructor(private readonly services: readonly QueryService[]) {
    super();
  }

  calls(operation: string): RecordedQuery[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  protected answer(req: http.IncomingMessage, bytes: Buffer, res: http.ServerResponse): void {
    const body = bytes.toString('utf-8');
    const requestId = `req-${this.requests.length}`;
    const send = (status: number, xml: string): void => {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
    };
    const fail = (error: AwsQueryError, xmlns = ''): void => {
      if (error.code === 'MalformedQueryString' || error.code === 'InvalidAction' || error.code === 'IncompleteSignature') this.malformed.push(error.message);
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      send(error.status, `<ErrorResponse${xmlns ? ` xmlns="${xmlns}"` : ''}><Error><Type>${type}</Type><Code>${escape(error.code)}</Code><Message>${escape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
    };
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(
      String(req.headers.authorization ?? ''),
    );
    const service = this.services.find((s) => s.signingName === auth?.[3]);
    if (!auth || !service) return fail(new AwsQueryError('IncompleteSignature', `bad Authorization: ${req.headers.authorization}`));
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return fail(new AwsQueryError('MalformedQueryString', `${req.method} with content-type ${req.headers['content-type']}`), service.xmlns);
    }
    const params = new URLSearchParams(body);
    const operation = params.get('Action') ?? '';
    if (params.get('Version') !== service.version) return fail(new AwsQueryError('MalformedQueryString', `Version ${params.get('Version')}`), service.xmlns);
    const handler = service.handlers[operation];
    if (!handler) return fail(new AwsQueryError('InvalidAction', `${operation} is not handled by ${service.signingName} here`), service.xmlns);
    const recorded = Object.fromEntries([...params].filter(([k]) => k !== 'Action' && k !== 'Version'));
    this.requests.push({ service: service.signingName, operation, params: recorded, region: auth[2], accessKeyId: auth[1] });
    try {
      const result = handler(params);
      send(200, `<${operation}Response xmlns="${service.xmlns}">${element(`${operation}Result`, result)}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`);
    } catch (error) {
      if (error instanceof AwsQueryError) return fail(error, service.xmlns);
      return fail(new AwsQueryError('InternalFailure', String(error), 500), service.xmlns);
    }
  }
}

/** `<name>…</name>`: text escaped, lists as `member` elements, structures by their keys. */
function element(name: string, node: XmlNode): string {
  if (node === undefined) return '';
  if (Array.isArray(node)) return `<${name}>${node.map((m) => element('member', m)).join('')}</${name}>`;
  if (node instanceof Date) return `<${name}>${node.toISOString()}</${name}>`;
  if (typeof node === 'object') return `<${name}>${Object.entries(node).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escape(String(node))}</${name}>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
