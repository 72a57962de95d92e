import { reviewJobClients } from '../../../lib/review/step/job-clients';

const CREDENTIALS = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };

/** The options the client's HTTP handler was made with (the SDK resolves them once, lazily). */
async function handlerOptions(client: { config: { requestHandler: unknown } }): Promise<Record<string, unknown>> {
  const options = await (client.config.requestHandler as { configProvider: Promise<Record<string, unknown>> }).configProvider;
  return { connectionTimeout: options.connectionTimeout, requestTimeout: options.requestTimeout, throwOnRequestTimeout: options.throwOnRequestTimeout };
}

test('every client of the function has connect and request timeouts, the one that reports results (and the timeout\'s failure) included', async () => {
  const clients = reviewJobClients();
  const built = [
    clients.codepipeline, clients.sts, clients.cloudFormation('eu-west-1', CREDENTIALS), clients.s3(CREDENTIALS),
  ] as unknown as { config: { requestHandler: unknown } }[];
  for (const client of built) {
    await expect(handlerOptions(client)).resolves.toEqual({ connectionTimeout: 3000, requestTimeout: 15000, throwOnRequestTimeout: true });
  }
});
