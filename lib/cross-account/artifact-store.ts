import { CfnElement, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { ArtifactBucketView } from './artifact-bucket-view';
import { createArtifactStorage, TargetArtifactPolicies } from './artifact-storage';
import { DeploymentTarget, TargetArtifactAccessListener } from './deployment-target';
import { PipelineIdentity, sharedPipelineAccountNames } from './pipeline-identity';
import type { RegionalArtifactStore } from './regional-artifact-store';
import { registerStore, storeSharingNames } from './store-registry';

export { storeSharingNames };

/** Props for `CrossAccountArtifactStore`. */
export interface CrossAccountArtifactStoreProps {
  /** The pipeline's names; its account and region must be those of the stack holding the store. */
  readonly identity: PipelineIdentity;
  /**
   * The target accounts' stacks; more can be added with `addTarget()`. A target outside the pipeline's
   * region needs the `RegionalArtifactStore` for its region in `regionalStores`.
   * @default - none
   */
  readonly targets?: DeploymentTarget[];
  /**
   * The artifact stores of the pipeline's other regions, one per region; more can be added with
   * `addRegionalStore()`.
   * @default - none: every target is in the pipeline's region
   */
  readonly regionalStores?: RegionalArtifactStore[];
  /**
   * What happens to the key, the artifact bucket and the access-log bucket when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Where S3 writes the artifact bucket's server access logs.
   * An imported bucket's policy must already let `logging.s3.amazonaws.com` put objects under the
   * prefix `<artifact bucket name>/`.
   * @default - a dedicated bucket (SSE-S3, versioned, TLS only), exposed as `accessLogsBucket`
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * The pipeline account's side of a cross-account pipeline: a customer-managed KMS key (rotated, with
 * an alias), the artifact bucket it encrypts (versioned, public access blocked, TLS only), the
 * pipeline role, and key and bucket policies that name each target's roles by ARN with exactly the
 * access they need. Adding a target makes this stack depend on the target's stack, so
 * `cdk deploy --all` creates the roles before the policies that name them, in one pass.
 *
 * A target in another region keeps its artifacts in the `RegionalArtifactStore` for that region:
 * `addTarget()` hands it to that store and lets the pipeline role assume its action role.
 *
 * Give aws-cdk-lib's pipeline `artifactBucket: store.bucket` and `role: store.pipelineRole`, or, with
 * regional stores, `crossRegionReplicationBuckets: store.crossRegionReplicationBuckets` instead of
 * `artifactBucket`.
 * `bucket` is a reference to the artifact bucket through which aws-cdk-lib cannot change the bucket or
 * key policies: the policies are this construct's alone.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 */
export class CrossAccountArtifactStore extends Construct implements TargetArtifactAccessListener {
  public readonly identity: PipelineIdentity;
  /** The customer-managed key that encrypts every artifact. */
  public readonly key: kms.Key;
  /** The artifact bucket resource, whose policy this construct writes. */
  public readonly bucketResource: s3.Bucket;
  /** The artifact bucket, with its key, for `codepipeline.Pipeline`'s `artifactBucket`. */
  public readonly bucket: s3.IBucket;
  /** The bucket that receives the artifact bucket's access logs. */
  public readonly accessLogsBucket: s3.IBucket;
  /** The role CodePipeline runs as, for `codepipeline.Pipeline`'s `role`. */
  public readonly pipelineRole: iam.Role;

  private readonly targetList: DeploymentTarget[] = [];
  private readonly regionalStoreList: RegionalArtifactStore[] = [];
  /** References to the pipeline role by name, held by pipelines in other stacks. */
  private readonly roleReferences: IConstruct[] = [];
  private readonly assumeTargets: iam.PolicyStatement;
  private readonly policies: TargetArtifactPolicies;

  constructor(scope: Construct, id: string, props: CrossAccountArtifactStoreProps) {
    super(scope, id);
    const { identity } = props;
    const stack = Stack.of(this);
    if (stack.account !== identity.pipelineAccount || stack.region !== identity.region) {
      throw new Error(`CrossAccountArtifactStore ${this.node.path}: the stack's env (account ${stack.account}, region ${stack.region}) must be the identity's pipeline account ${identity.pipelineAccount} and region ${identity.region}: pass env: { account: '${identity.pipelineAccount}', region: '${identity.region}' } to the stack.`);
    }
    const clash = storeSharingNames(this, identity);
    if (clash) {
      throw new Error(`CrossAccountArtifactStore ${this.node.path}: ${clash.path} is already an artifact store of pipeline "${identity.name}" in account ${identity.pipelineAccount}; both would create the ${sharedPipelineAccountNames(clash.identity, identity, clash.region).join(', ')}, and the second fails at deploy. Use one store for the pipeline (pass it as artifactStore to every ReleasePipeline of this PipelineIdentity), or give this one a PipelineIdentity with another name.`);
    }
    this.identity = identity;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    const storage = createArtifactStorage(this, { identity, region: identity.region, removalPolicy, accessLogsBucket: props.accessLogsBucket });
    this.key = storage.key;
    this.accessLogsBucket = storage.accessLogsBucket;
    this.bucketResource = storage.bucket;
    this.policies = new TargetArtifactPolicies(identity, identity.region, storage);

    this.bucket = new ArtifactBucketView(this, 'PipelineView', this.bucketResource, kms.Key.fromKeyArn(this, 'PipelineViewKey', this.key.keyArn));

    this.pipelineRole = new iam.Role(this, 'PipelineRole', {
      roleName: identity.pipelineRoleName,
      description: `The ${identity.name} pipeline's service role`,
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
    });
    this.assumeTargets = new iam.PolicyStatement({ actions: ['sts:AssumeRole'] });
    this.acknowledgePipelineGrants();

    registerStore(this, { path: this.node.path, identity, region: identity.region });
    for (const regional of props.regionalStores ?? []) this.addRegionalStore(regional);
    for (const target of props.targets ?? []) this.addTarget(target);
  }

  /** The targets added so far, in every region. */
  public get targets(): readonly DeploymentTarget[] {
    return [...this.targetList];
  }

  /** The stores of the pipeline's other regions, in the order they were added. */
  public get regionalStores(): readonly RegionalArtifactStore[] {
    return [...this.regionalStoreList];
  }

  /**
   * The artifact bucket of every region, for `codepipeline.Pipeline`'s `crossRegionReplicationBuckets`
   * (which replaces `artifactBucket`): this store's bucket for the pipeline's region and each regional
   * store's bucket for its region.
   */
  public get crossRegionReplicationBuckets(): Record<string, s3.IBucket> {
    return Object.fromEntries([
      [this.identity.region, this.bucket],
      ...this.regionalStoreList.map((store) => [store.region, store.bucket] as const),
    ]);
  }

  /**
   * Adds the store of another region: this stack deploys after it, and targets in its region are
   * handed to it by `addTarget()`.
   */
  public addRegionalStore(store: RegionalArtifactStore): void {
    const where = `CrossAccountArtifactStore ${this.node.path}.addRegionalStore(${store.node.id})`;
    if (!store.identity.equals(this.identity)) {
      throw new Error(`${where}: the regional store was made for pipeline "${store.identity.name}" in ${store.identity.pipelineAccount}/${store.identity.region}, but this store is pipeline "${this.identity.name}" in ${this.identity.pipelineAccount}/${this.identity.region}. Create both from the same PipelineIdentity.`);
    }
    if (this.regionalStoreList.includes(store)) return;
    this.regionalStoreList.push(store);
    Stack.of(this).addStackDependency(store, `the pipeline replicates artifacts to ${store.node.id}'s bucket in ${store.region}, which must exist first`);
    for (const role of this.pipelineRoles()) this.acknowledgeRegionalGrants(role, store);
  }

  /**
   * @internal the role of a pipeline in another stack, by name: it holds the same grants as this
   * store's role, so it gets the same evidence, for every regional store now and added later.
   */
  public addPipelineRoleReference(role: IConstruct, bucketArn: string): void {
    this.roleReferences.push(role);
    this.acknowledgePipelineGrants(role, bucketArn);
    for (const store of this.regionalStoreList) this.acknowledgeRegionalGrants(role, store);
  }

  /** This store's pipeline role and every reference to it that a pipeline in another stack holds. */
  private pipelineRoles(): IConstruct[] {
    return [this.pipelineRole, ...this.roleReferences];
  }

  /**
   * Lets `target`'s roles use the artifacts of its region (key and bucket policies naming them by
   * ARN, here or in the region's `RegionalArtifactStore`), lets the pipeline role assume its action
   * role, and makes the store's stack deploy after the target's stack.
   */
  public addTarget(target: DeploymentTarget): void {
    const where = `CrossAccountArtifactStore ${this.node.path}.addTarget(${target.node.id})`;
    if (!target.identity.equals(this.identity)) {
      throw new Error(`${where}: the target was made for pipeline "${target.identity.name}" in ${target.identity.pipelineAccount}/${target.identity.region}, but this store is pipeline "${this.identity.name}" in ${this.identity.pipelineAccount}/${this.identity.region}. Create both from the same PipelineIdentity.${regionHint(target.identity, this.identity)}`);
    }
    // Adding a target again grants nothing new (ReleasePipeline adds each stage's targets).
    if (this.targetList.includes(target)) return;
    if (target.region === this.identity.region) {
      const clash = this.targetList.find((t) => t.account === target.account && t.region === target.region);
      if (clash) {
        throw new Error(`${where}: account ${target.account} already has the target ${clash.node.id} in region ${target.region}; its roles have the same names. Use one DeploymentTarget per account and region and call allowStack() on it for each stack.`);
      }
      Stack.of(this).addStackDependency(target, `the key and bucket policies name ${target.node.id}'s roles, which must exist first`);
      this.policies.add(target);
    } else {
      const regional = this.regionalStoreList.find((store) => store.region === target.region);
      if (!regional) {
        throw new Error(`${where}: the target is in region ${target.region}, and this store has no RegionalArtifactStore for it. Create one in the pipeline account (new RegionalArtifactStore(app, '${regionalStoreId(target.region)}', { identity, region: '${target.region}' })) and pass it to addRegionalStore() first.`);
      }
      if (!regional.targets.includes(target)) regional.addTarget(target);
    }
    if (this.targetList.length === 0) this.pipelineRole.addToPrincipalPolicy(this.assumeTargets);
    this.targetList.push(target);
    this.assumeTargets.addResources(this.identity.actionRoleArn(target.account, target.region));
  }

  /**
   * @internal grants what the target's `allowArtifactWrites()` / `allowExecutionRoleArtifactReads()`
   * ask for and was not granted yet. The policies follow their targets themselves; this stays for
   * callers of the listener interface.
   */
  public artifactAccessChanged(target: DeploymentTarget): void {
    if (target.region === this.identity.region) this.policies.artifactAccessChanged(target);
  }

  /**
   * aws-cdk-lib's pipeline grants its role read/write on the bucket of each region an action runs in
   * (`replicationBucket.grantReadWrite`); through the regional store's view, on its bucket, its
   * objects and `key/*` narrowed by the alias. cdk-nag reports the two wildcards.
   */
  private acknowledgeRegionalGrants(role: IConstruct, store: RegionalArtifactStore): void {
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${this.identity.artifactBucketArnIn(store.region)}/*]`,
        reason: `Objects in the ${this.identity.name} pipeline's artifact bucket in ${store.region} only, to which the pipeline copies artifacts for the actions there; CodePipeline names artifact objects per execution, so object keys cannot be listed in advance.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::${this.identity.keyArnPatternIn(store.region)}]`,
        reason: `The key ID is generated in ${store.region}'s store stack and cannot be referred to from this region; the statement is narrowed to the key with alias ${this.identity.keyAliasName} (kms:ResourceAliases).`,
      },
    );
  }

  /**
   * aws-cdk-lib's `codepipeline.Pipeline` grants its role read/write on its artifact bucket and key
   * with wildcard action names; cdk-nag reports each. The evidence travels with the role: this
   * store's, or the reference to it by name that a pipeline in another stack holds, where the bucket
   * ARN is `bucketArn` (as cdk-nag names it: the export that stack imports).
   */
  private acknowledgePipelineGrants(role: IConstruct = this.pipelineRole, bucketArn?: string): void {
    const bucketLogicalId = Stack.of(this).getLogicalId(this.bucketResource.node.defaultChild as CfnElement);
    const why = 'aws-cdk-lib\'s codepipeline.Pipeline grants its role this on its own artifact bucket and key (BucketGrants.readWrite / KeyGrants.encryptDecrypt), which it needs to pass artifacts between actions';
    Validations.of(role).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}; ${action} expands only to object and bucket read/write actions, and aws-cdk-lib scopes the statement to the artifact bucket and its objects.`,
      })),
      ...['kms:ReEncrypt*', 'kms:GenerateDataKey*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}; the statement's only resource is the artifact key: its ARN, or in another region's store \`key/*\` narrowed to the key with the artifact alias (kms:ResourceAliases).`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn ?? `<${bucketLogicalId}.Arn>`}/*]`,
        reason: `${why}; CodePipeline names artifact objects per execution, so object keys cannot be listed in advance.`,
      },
    );
  }
}

/** The construct ID the fix in an error message suggests for the store of `region`: `ArtifactsEuWest1`. */
export function regionalStoreId(region: string): string {
  return `Artifacts${region.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}`;
}

/**
 * The hint for a target made with a PipelineIdentity of another region: a pipeline has one identity,
 * in its own region, and a target elsewhere names its region itself.
 */
function regionHint(targetIdentity: PipelineIdentity, storeIdentity: PipelineIdentity): string {
  const sameButRegion = targetIdentity.name === storeIdentity.name && targetIdentity.pipelineAccount === storeIdentity.pipelineAccount
    && targetIdentity.partition === storeIdentity.partition && targetIdentity.region !== storeIdentity.region;
  return sameButRegion
    ? ` A PipelineIdentity names the pipeline's own region (${storeIdentity.region}); to deploy into ${targetIdentity.region}, give the DeploymentTarget region: '${targetIdentity.region}' with the pipeline's identity, and the pipeline a RegionalArtifactStore for ${targetIdentity.region} (regionalArtifactStores).`
    : '';
}
