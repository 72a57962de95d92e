import { ArtifactStoreModel } from '../model/pipeline-model';
import { isUnknown, known } from '../model/values';
import { allActions } from '../model/walk';
import { accountOfAction } from './account-of-action';
import { Rule, Sources } from './rule';

/**
 * Actions in other accounts can only read artifacts encrypted with a customer-managed KMS key whose
 * policy lets them; the AWS managed key cannot be shared. The pipeline must name the key by ID, key
 * ARN or alias ARN: an alias name is resolved in the account of the caller, while an alias ARN names
 * its account (aws-cdk-lib names the keys of its cross-region stores so, and so does
 * RegionalArtifactStore). An alias ARN serves reads only: S3 decrypts an object with the key ARN it
 * stored with it, but encrypts a new object from another account only with a key named by key ARN,
 * so an action in another account that writes output artifacts needs the key ID or key ARN. The
 * store checked is the one of the action's region: its own, or the pipeline's when it declares none.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_EncryptionKey.html
 */
export const crossAccountKey: Rule = {
  id: 'cross-account-key',
  severity: 'error',
  description: 'Cross-account actions need a customer-managed KMS key (by ID, key ARN or alias ARN) on the artifact store',
  limit: 'customer-managed key, not an alias name',
  source: Sources.CROSS_ACCOUNT,
  *check(pipeline) {
    const pipelineAccount = pipeline.context.account;
    if (pipelineAccount === undefined) return;
    for (const { stage, action } of allActions(pipeline)) {
      const account = accountOfAction(pipeline, action);
      if (account === undefined || account === pipelineAccount) continue;
      const region = action.region === undefined ? pipeline.context.region : known(action.region);
      const store = (region !== undefined ? pipeline.artifactStores?.[region] : undefined) ?? pipeline.artifactStore;
      const problem = keyProblem(store, action.outputArtifacts.length > 0);
      if (problem) {
        yield {
          stage,
          action,
          message: `the action runs in account ${account} but ${problem}`,
          fix: 'encrypt the artifact store with a customer-managed KMS key, named by key ID or ARN, whose policy lets the other account use it (CrossAccountArtifactStore does this).',
        };
      }
    }
  },
};

function keyProblem(store: ArtifactStoreModel | undefined, writes: boolean): string | undefined {
  if (store === undefined) return undefined;
  const key = store.encryptionKey;
  if (key === undefined) return 'the artifact store uses the AWS managed key, which other accounts cannot use';
  if (isUnknown(key.id)) return undefined;
  const id = String(key.id);
  if (id.startsWith('alias/')) {
    return `the artifact store names its key by alias (${id}), which other accounts resolve in their own account`;
  }
  if (writes && /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(id)) {
    return `it writes output artifacts and the artifact store names its key by alias ARN (${id}), which S3 does not take for an object written from another account (key ID or key ARN only)`;
  }
  return undefined;
}
