import { IConstruct } from 'constructs';
import { AppRegistry } from '../private/app-registry';
import { PipelineIdentity, sharedPipelineAccountNames } from './pipeline-identity';

/** An artifact store made in an app: the pipeline it serves and the region it holds artifacts for. */
export interface RegisteredStore {
  readonly path: string;
  readonly identity: PipelineIdentity;
  readonly region: string;
}

/** The stores of each app, in creation order. */
const STORES = new AppRegistry<RegisteredStore>();

/** Records a store made in `scope`'s app. */
export function registerStore(scope: IConstruct, store: RegisteredStore): void {
  STORES.add(scope, store);
}

/**
 * The store already made in `scope`'s app whose role, bucket or key alias names are those a store for
 * `identity` in `region` (default: the identity's own region) would create, if any.
 */
export function storeSharingNames(scope: IConstruct, identity: PipelineIdentity, region: string = identity.region): RegisteredStore | undefined {
  return STORES.find(scope, (store) => sharedPipelineAccountNames(store.identity, identity, store.region, region).length > 0);
}
