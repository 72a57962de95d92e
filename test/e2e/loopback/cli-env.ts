import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A home folder with shared AWS files holding one profile, `ops` (Region eu-west-1), so that no test
 * reads the machine's own AWS configuration. The caller removes it with `fs.rmSync`.
 */
export function makeAwsHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pipectl-e2e-'));
  fs.writeFileSync(path.join(home, 'config'), '[profile ops]\nregion = eu-west-1\n');
  fs.writeFileSync(path.join(home, 'credentials'), '[ops]\naws_access_key_id = AKIDOPSPROFILE\naws_secret_access_key = ops-secret\n');
  return home;
}

/** The whole environment of a pipectl run against the loopback endpoint: nothing inherited but PATH. */
export function cliEnv(home: string, endpoint: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: 'AKIDE2ETEST',
    AWS_SECRET_ACCESS_KEY: 'e2e-secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_MAX_ATTEMPTS: '2',
    ...extra,
  };
}
