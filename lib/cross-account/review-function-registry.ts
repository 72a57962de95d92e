import { IConstruct } from 'constructs';
import { AppRegistry } from '../private/app-registry';
import { PipelineIdentity } from './pipeline-identity';

/** A change-set review function made in an app: whose it is, and the pipeline that first asked for it. */
export interface RegisteredReviewFunction<F> {
  readonly identity: PipelineIdentity;
  readonly reviewFunction: F;
  /** The construct path of the pipeline that created it. */
  readonly createdFor: string;
}

/**
 * The review functions of each app. IAM role names are unique in an account, so one identity's
 * pipelines (and any identity with the same partition, account and name) must share one function:
 * an entry is found by the ARN of its role.
 */
const FUNCTIONS = new AppRegistry<RegisteredReviewFunction<unknown>>();

/** The review function already made in `scope`'s app whose role `identity` names, if any. */
export function registeredReviewFunction<F>(scope: IConstruct, identity: PipelineIdentity): RegisteredReviewFunction<F> | undefined {
  const roleArn = identity.reviewFunctionRoleArn;
  return FUNCTIONS.find(scope, (entry) => entry.identity.reviewFunctionRoleArn === roleArn) as RegisteredReviewFunction<F> | undefined;
}

/** Records the review function made in `scope`'s app for `identity`. */
export function registerReviewFunction<F>(scope: IConstruct, entry: RegisteredReviewFunction<F>): void {
  FUNCTIONS.add(scope, entry);
}
