import * as http from 'http';
import { AddressInfo } from 'net';

/**
 * An HTTP endpoint on 127.0.0.1 that the real SDK is pointed at (AWS_ENDPOINT_URL): it reads each
 * request's whole body and hands it to the protocol a subclass speaks.
 */
export abstract class LoopbackServer {
  private readonly server: http.Server;

  protected constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, Buffer.concat(chunks), res));
    });
  }

  /** Starts listening on a free port; the endpoint URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops, dropping kept-alive connections so that the test does not wait for them. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers one request, whose body has been read whole. */
  protected abstract answer(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void;
}
