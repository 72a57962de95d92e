import { IConstruct } from 'constructs';
import { PipelineIdentity } from './pipeline-identity';

/** A change-set review function made in an app: whose it is, and the pipeline that first asked for it. */
export interface RegisteredReviewFunction<F> {
  readonly identity: PipelineIdentity;
  readonly reviewFunction: F;
  /** The construct path of the pipeline that created it. */
  readonly createdFor: string;
}

/**
 * The review functions of each app (by its root construct), by the name of their role: IAM role
 * names are unique in an account, so one identity's pipelines (and any identity with the same
 * partition, account and name) must share one function.
 */
const FUNCTIONS = new WeakMap<IConstruct, Map<string, RegisteredReviewFunction<unknown>>>();

function keyOf(identity: PipelineIdentity): string {
  return `${identity.partition}:${identity.reviewFunctionRoleArn}`;
}

/** The review function already made in `scope`'s app whose role `identity` names, if any. */
export function registeredReviewFunction<F>(scope: IConstruct, identity: PipelineIdentity): RegisteredReviewFunction<F> | undefined {
  return FUNCTIONS.get(scope.node.root)?.get(keyOf(identity)) as RegisteredReviewFunction<F> | undefined;
}

/** Records the review function made in `scope`'s app for `identity`. */
export function registerReviewFunction<F>(scope: IConstruct, entry: RegisteredReviewFunction<F>): void {
  const root = scope.node.root;
  const functions = FUNCTIONS.get(root) ?? new Map<string, RegisteredReviewFunction<unknown>>();
  functions.set(keyOf(entry.identity), entry);
  FUNCTIONS.set(root, functions);
}
