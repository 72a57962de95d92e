import { CfnElement, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { sendAccessLogs } from './access-logs';
import { ArtifactBucketView } from './artifact-bucket-view';
import { DeploymentTarget, TargetArtifactAccessListener } from './deployment-target';
import { PipelineIdentity, sharedPipelineAccountNames } from './pipeline-identity';

/** The stores of each app (by its root construct), in creation order. */
const STORES = new WeakMap<IConstruct, CrossAccountArtifactStore[]>();

/** Props for `CrossAccountArtifactStore`. */
export interface CrossAccountArtifactStoreProps {
  /** The pipeline's names; its account and region must be those of the stack holding the store. */
  readonly identity: PipelineIdentity;
  /**
   * The target accounts' stacks; more can be added with `addTarget()`.
   * @default - none
   */
  readonly targets?: DeploymentTarget[];
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
 * Give aws-cdk-lib's pipeline `artifactBucket: store.bucket` and `role: store.pipelineRole`.
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
  private readonly assumeTargets: iam.PolicyStatement;
  /** What the bucket and key policies already grant each target, so each grant is written once. */
  private readonly grantedAccess = new Map<DeploymentTarget, { writes: boolean; executionReads: boolean }>();

  constructor(scope: Construct, id: string, props: CrossAccountArtifactStoreProps) {
    super(scope, id);
    const { identity } = props;
    const stack = Stack.of(this);
    if (stack.account !== identity.pipelineAccount || stack.region !== identity.region) {
      throw new Error(`CrossAccountArtifactStore ${this.node.path}: the stack's env (account ${stack.account}, region ${stack.region}) must be the identity's pipeline account ${identity.pipelineAccount} and region ${identity.region}: pass env: { account: '${identity.pipelineAccount}', region: '${identity.region}' } to the stack.`);
    }
    const clash = storeSharingNames(this, identity);
    if (clash) {
      throw new Error(`CrossAccountArtifactStore ${this.node.path}: ${clash.node.path} is already an artifact store of pipeline "${identity.name}" in account ${identity.pipelineAccount}; both would create the ${sharedPipelineAccountNames(clash.identity, identity).join(', ')}, and the second fails at deploy. Use one store for the pipeline (pass it as artifactStore to every ReleasePipeline of this PipelineIdentity), or give this one a PipelineIdentity with another name.`);
    }
    this.identity = identity;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${identity.name} pipeline's artifacts; used by its target accounts through S3`,
      enableKeyRotation: true,
      alias: identity.keyAliasName,
      removalPolicy,
    });

    this.accessLogsBucket = props.accessLogsBucket ?? this.createAccessLogsBucket(removalPolicy);

    this.bucketResource = new s3.Bucket(this, 'Bucket', {
      bucketName: identity.artifactBucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy,
    });
    sendAccessLogs(this.bucketResource, this.accessLogsBucket, `${identity.artifactBucketName}/`);

    this.bucket = new ArtifactBucketView(this, 'PipelineView', this.bucketResource, kms.Key.fromKeyArn(this, 'PipelineViewKey', this.key.keyArn));

    this.pipelineRole = new iam.Role(this, 'PipelineRole', {
      roleName: identity.pipelineRoleName,
      description: `The ${identity.name} pipeline's service role`,
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
    });
    this.assumeTargets = new iam.PolicyStatement({ actions: ['sts:AssumeRole'] });
    this.acknowledgePipelineGrants();

    const stores = STORES.get(this.node.root) ?? [];
    STORES.set(this.node.root, [...stores, this]);
    for (const target of props.targets ?? []) this.addTarget(target);
  }

  /** The targets added so far. */
  public get targets(): readonly DeploymentTarget[] {
    return [...this.targetList];
  }

  /**
   * Lets `target`'s roles use the artifacts (key and bucket policies naming them by ARN), lets the
   * pipeline role assume its action role, and makes this stack deploy after the target's stack.
   */
  public addTarget(target: DeploymentTarget): void {
    const where = `CrossAccountArtifactStore ${this.node.path}.addTarget(${target.node.id})`;
    if (!target.identity.equals(this.identity)) {
      throw new Error(`${where}: the target was made for pipeline "${target.identity.name}" in ${target.identity.pipelineAccount}/${target.identity.region}, but this store is pipeline "${this.identity.name}" in ${this.identity.pipelineAccount}/${this.identity.region}. Create both from the same PipelineIdentity.`);
    }
    const clash = this.targetList.find((t) => t.account === target.account);
    if (clash) {
      throw new Error(`${where}: account ${target.account} already has the target ${clash.node.id}; its roles have the same names. Use one DeploymentTarget per account and call allowStack() on it for each stack.`);
    }
    if (this.targetList.length === 0) this.pipelineRole.addToPrincipalPolicy(this.assumeTargets);
    this.targetList.push(target);
    this.assumeTargets.addResources(this.identity.actionRoleArn(target.account));
    Stack.of(this).addStackDependency(target, `the key and bucket policies name ${target.node.id}'s roles, which must exist first`);

    this.allow(target, 'action', ['s3:GetObject', 's3:GetObjectVersion'], ['kms:Decrypt']);
    this.artifactAccessChanged(target);
    target.onArtifactAccessChange(this);
  }

  /**
   * @internal grants what the target's `allowArtifactWrites()` / `allowExecutionRoleArtifactReads()`
   * ask for and was not granted yet: when the target is added, and on each later call.
   */
  public artifactAccessChanged(target: DeploymentTarget): void {
    const previous = this.grantedAccess.get(target) ?? { writes: false, executionReads: false };
    if (target.artifactAccess.actionRoleWrites && !previous.writes) {
      this.allow(target, 'action', ['s3:PutObject'], ['kms:GenerateDataKey']);
    }
    if (target.artifactAccess.executionRoleReads && !previous.executionReads) {
      this.allow(target, 'execution', ['s3:GetObject', 's3:GetObjectVersion'], ['kms:Decrypt']);
    }
  }

  private allow(target: DeploymentTarget, role: 'action' | 'execution', s3Actions: string[], kmsActions: string[]): void {
    const principalArn = role === 'action'
      ? this.identity.actionRoleArn(target.account)
      : this.identity.executionRoleArn(target.account);
    const principal = new iam.ArnPrincipal(principalArn);
    this.bucketResource.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: s3Actions,
      resources: [this.bucketResource.arnForObjects('*')],
    }));
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: kmsActions,
      resources: ['*'],
      // Only through S3, for objects of this bucket: the roles never call KMS directly.
      conditions: { StringEquals: { 'kms:ViaService': this.identity.s3ViaService } },
    }));
    const granted = this.grantedAccess.get(target) ?? { writes: false, executionReads: false };
    this.grantedAccess.set(target, {
      writes: granted.writes || (role === 'action' && s3Actions.includes('s3:PutObject')),
      executionReads: granted.executionReads || role === 'execution',
    });
  }

  /**
   * aws-cdk-lib's `codepipeline.Pipeline` grants its role read/write on its artifact bucket and key
   * with wildcard action names; cdk-nag reports each. The evidence travels with the role.
   */
  private acknowledgePipelineGrants(): void {
    const bucketLogicalId = Stack.of(this).getLogicalId(this.bucketResource.node.defaultChild as CfnElement);
    const why = 'aws-cdk-lib\'s codepipeline.Pipeline grants its role this on its own artifact bucket and key (BucketGrants.readWrite / KeyGrants.encryptDecrypt), which it needs to pass artifacts between actions';
    Validations.of(this.pipelineRole).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}; ${action} expands only to object and bucket read/write actions, and aws-cdk-lib scopes the statement to the artifact bucket and its objects.`,
      })),
      ...['kms:ReEncrypt*', 'kms:GenerateDataKey*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}; the statement's only resource is the artifact key's ARN.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
        reason: `${why}; CodePipeline names artifact objects per execution, so object keys cannot be listed in advance.`,
      },
    );
  }

  private createAccessLogsBucket(removalPolicy: RemovalPolicy): s3.Bucket {
    const logs = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging delivers only to buckets with SSE-S3 default encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server access log destination; logging it into itself would log its own log deliveries without end.',
    });
    return logs;
  }
}

/**
 * The store already made in `scope`'s app whose role, bucket or key alias names are those a store for
 * `identity` would create, if any. Internal: not exported from the package.
 */
export function storeSharingNames(scope: IConstruct, identity: PipelineIdentity): CrossAccountArtifactStore | undefined {
  return STORES.get(scope.node.root)?.find((store) => sharedPipelineAccountNames(store.identity, identity).length > 0);
}
