import { App } from 'aws-cdk-lib';
import { crossAccountExample } from './cross-account';
import { multiAccountExample } from './multi-account';
import { multiRegionExample } from './multi-region';
import { walkthroughExample } from './walkthrough';

/** An example: adds its stacks to `app`, reading accounts and region from the app's context. */
export type Example = (app: App) => void;

/** The accounts and region the examples deploy to, from cdk.json's context (or `-c key=value`). */
export function exampleAccounts(app: App): { pipelineAccount: string; testAccount: string; prodAccount: string; region: string } {
  const read = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`The examples need the context value "${key}" (set it in cdk.json or pass -c ${key}=...).`);
    }
    return value;
  };
  return {
    pipelineAccount: read('pipelineAccount'),
    testAccount: read('testAccount'),
    prodAccount: read('prodAccount'),
    region: read('region'),
  };
}

/** Every example, by the name `-c example=<name>` selects. */
export const EXAMPLES: Record<string, Example> = {
  'cross-account': (app) => { crossAccountExample(app, exampleAccounts(app)); },
  'walkthrough': (app) => { walkthroughExample(app, { ...exampleAccounts(app), approvalEmail: app.node.tryGetContext('approvalEmail') }); },
  'multi-account': (app) => {
    const accounts = exampleAccounts(app);
    const context = (key: string, placeholder: string): string => app.node.tryGetContext(key) ?? placeholder;
    multiAccountExample(app, {
      pipelineAccount: accounts.pipelineAccount,
      devAccount: context('devAccount', '444444444444'),
      qaAccount: accounts.testAccount,
      prodAccount: accounts.prodAccount,
      region: accounts.region,
      connectionArn: context('connectionArn', `arn:aws:codeconnections:${accounts.region}:${accounts.pipelineAccount}:connection/00000000-0000-0000-0000-000000000000`),
      repository: context('repository', 'example-org/orders-service'),
    });
  },
  'multi-region': (app) => { multiRegionExample(app, { ...exampleAccounts(app), secondRegion: app.node.tryGetContext('secondRegion') }); },
};

/** The example `cdk synth` builds when no `-c example=<name>` is given. */
export const DEFAULT_EXAMPLE = 'walkthrough';

/** Adds the example named by the `example` context value (default `DEFAULT_EXAMPLE`) to `app`. */
export function buildApp(app: App): void {
  const name: unknown = app.node.tryGetContext('example') ?? DEFAULT_EXAMPLE;
  const example = typeof name === 'string' ? EXAMPLES[name] : undefined;
  if (!example) {
    throw new Error(`Unknown example "${String(name)}": choose one of ${Object.keys(EXAMPLES).join(', ')} with -c example=<name>.`);
  }
  example(app);
}
