import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AliasKeyReference } from './alias-key-reference';
import { ArtifactBucketView } from './artifact-bucket-view';
import { createArtifactStorage, TargetArtifactPolicies } from './artifact-storage';
import { DeploymentTarget } from './deployment-target';
import { assertRegion } from './names';
import { PipelineIdentity, sharedPipelineAccountNames } from './pipeline-identity';
import { registerStore, storeSharingNames } from './store-registry';

/** Props for `RegionalArtifactStore`. */
export interface RegionalArtifactStoreProps extends Omit<StackProps, 'env'> {
  /** The pipeline's names; the stack's env is its pipeline account and `region`. */
  readonly identity: PipelineIdentity;
  /** The region whose targets this store serves; not the pipeline's own region. */
  readonly region: string;
  /**
   * The targets in `region`; more can be added with `addTarget()`.
   * @default - none
   */
  readonly targets?: DeploymentTarget[];
  /**
   * What happens to the key, the artifact bucket and the access-log bucket when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Where S3 writes the artifact bucket's server access logs: a bucket in this stack's region, whose
   * policy must already let `logging.s3.amazonaws.com` put objects under `<artifact bucket name>/`.
   * @default - a dedicated bucket (SSE-S3, versioned, TLS only), exposed as `accessLogsBucket`
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * The pipeline account's artifact store for one region other than the pipeline's: a stack (pipeline
 * account, that region) with a customer-managed KMS key (rotated, with the identity's alias), the
 * artifact bucket it encrypts (named by the identity for the region, versioned, public access
 * blocked, TLS only, access logged), and key and bucket policies that name exactly the roles of that
 * region's targets, as the `CrossAccountArtifactStore` does for the pipeline's region. CodePipeline
 * copies the artifacts of actions that run in the region into this bucket.
 *
 * Create one per region the pipeline deploys to outside its own, and give them to `ReleasePipeline`
 * as `regionalArtifactStores` (or to `CrossAccountArtifactStore.addRegionalStore()`). Adding a target
 * makes this stack deploy after the target's stack, and the pipeline stack deploys after this one, so
 * `cdk deploy --all` is one pass. A store whose region has no target yet is allowed: it costs its
 * key and buckets and serves no action until a target in its region is added.
 *
 * This replaces the support stack aws-cdk-lib creates, unnamed, for each region of a cross-region
 * pipeline.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 */
export class RegionalArtifactStore extends Stack {
  public readonly identity: PipelineIdentity;
  /** The customer-managed key that encrypts the artifacts in this region. */
  public readonly key: kms.Key;
  /** The artifact bucket resource, whose policy this store writes. */
  public readonly bucketResource: s3.Bucket;
  /**
   * The artifact bucket as the pipeline (in another region) names it: by name, with the key by its
   * alias ARN. Grants through it reach only the grantee's own policy: on the bucket and its objects,
   * and on `key/*` in this region narrowed to the key with the artifact alias (`kms:ResourceAliases`).
   */
  public readonly bucket: s3.IBucket;
  /** The bucket that receives the artifact bucket's access logs. */
  public readonly accessLogsBucket: s3.IBucket;

  private readonly targetList: DeploymentTarget[] = [];
  private readonly policies: TargetArtifactPolicies;

  constructor(scope: Construct, id: string, props: RegionalArtifactStoreProps) {
    const { identity, region, targets = [], removalPolicy = RemovalPolicy.RETAIN, accessLogsBucket, ...stackProps } = props;
    const where = `RegionalArtifactStore ${id}`;
    assertRegion(where, 'region', region);
    if (region === identity.region) {
      throw new Error(`${where}: region ${region} is the pipeline's own region (PipelineIdentity "${identity.name}"), whose artifacts the CrossAccountArtifactStore holds, with the targets there. Remove this store; a RegionalArtifactStore is for each other region the pipeline deploys to.`);
    }
    const clash = storeSharingNames(scope, identity, region);
    if (clash) {
      throw new Error(`${where}: ${clash.path} is already an artifact store of pipeline "${identity.name}" in account ${identity.pipelineAccount} for region ${region}; both would create the ${sharedPipelineAccountNames(clash.identity, identity, clash.region, region).join(', ')}, and the second fails at deploy. Use one store per region: pass that one as regionalArtifactStores to every ReleasePipeline of this PipelineIdentity.`);
    }
    identity.artifactBucketNameIn(region);
    super(scope, id, {
      description: `The ${identity.name} pipeline's artifact store in ${region}, for its targets there`,
      ...stackProps,
      env: { account: identity.pipelineAccount, region },
    });
    this.identity = identity;

    const storage = createArtifactStorage(this, { identity, region, removalPolicy, accessLogsBucket });
    this.key = storage.key;
    this.bucketResource = storage.bucket;
    this.accessLogsBucket = storage.accessLogsBucket;
    this.policies = new TargetArtifactPolicies(identity, region, storage);

    // In this stack, so that a pipeline given the view deploys after it; by name, so that the
    // pipeline stack in another region refers to nothing here.
    const key = new AliasKeyReference(this, 'PipelineViewKey', identity, region);
    this.bucket = ArtifactBucketView.named(this, 'PipelineView', identity.artifactBucketNameIn(region), identity.partition, region, key);

    registerStore(this, { path: this.node.path, identity, region });
    for (const target of targets) this.addTarget(target);
  }

  /** The targets added so far. */
  public get targets(): readonly DeploymentTarget[] {
    return [...this.targetList];
  }

  /**
   * Lets `target`'s roles use this region's artifacts (key and bucket policies naming them by ARN,
   * growing with `allowArtifactWrites()` / `allowExecutionRoleArtifactReads()`), and makes this stack
   * deploy after the target's stack. The pipeline role's permission to assume the target's action
   * role is the `CrossAccountArtifactStore`'s (`addTarget()` there calls this).
   */
  public addTarget(target: DeploymentTarget): void {
    const where = `RegionalArtifactStore ${this.node.path}.addTarget(${target.node.id})`;
    if (!target.identity.equals(this.identity)) {
      throw new Error(`${where}: the target was made for pipeline "${target.identity.name}" in ${target.identity.pipelineAccount}/${target.identity.region}, but this store is pipeline "${this.identity.name}" in ${this.identity.pipelineAccount}/${this.identity.region}. Create both from the same PipelineIdentity.`);
    }
    if (target.region !== this.region) {
      throw new Error(`${where}: the target is in region ${target.region}, but this store holds the artifacts for ${this.region}. Add it to the store of ${target.region}${target.region === this.identity.region ? ', the pipeline\'s CrossAccountArtifactStore' : ''}.`);
    }
    const clash = this.targetList.find((t) => t.account === target.account);
    if (clash) {
      throw new Error(`${where}: account ${target.account} already has the target ${clash.node.id} in region ${this.region}; its roles have the same names. Use one DeploymentTarget per account and region and call allowStack() on it for each stack.`);
    }
    this.targetList.push(target);
    this.addStackDependency(target, `the key and bucket policies name ${target.node.id}'s roles, which must exist first`);
    this.policies.add(target);
  }
}
