import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { sendAccessLogs } from './access-logs';
import { DeploymentTarget, TargetArtifactAccessListener } from './deployment-target';
import { PipelineIdentity } from './pipeline-identity';

/** The key and buckets of one region's artifact store. */
export interface ArtifactStorage {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly accessLogsBucket: s3.IBucket;
}

export interface ArtifactStorageProps {
  readonly identity: PipelineIdentity;
  readonly region: string;
  readonly removalPolicy: RemovalPolicy;
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * Creates one region's artifact key (customer managed, rotated, with the identity's alias) and the
 * bucket it encrypts (named by the identity for the region, versioned, public access blocked, TLS
 * only, access logged) directly in `scope`, as `Key`, `AccessLogs` and `Bucket`: the construct IDs,
 * and so the logical IDs, are the same in every store.
 */
export function createArtifactStorage(scope: Construct, props: ArtifactStorageProps): ArtifactStorage {
  const { identity, region, removalPolicy } = props;
  const key = new kms.Key(scope, 'Key', {
    description: `Encrypts the ${identity.name} pipeline's artifacts; used by its target accounts through S3`,
    enableKeyRotation: true,
    alias: identity.keyAliasName,
    removalPolicy,
  });
  const accessLogsBucket = props.accessLogsBucket ?? createAccessLogsBucket(scope, removalPolicy);
  const bucketName = identity.artifactBucketNameIn(region);
  const bucket = new s3.Bucket(scope, 'Bucket', {
    bucketName,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    removalPolicy,
  });
  sendAccessLogs(bucket, accessLogsBucket, `${bucketName}/`);
  return { key, bucket, accessLogsBucket };
}

function createAccessLogsBucket(scope: Construct, removalPolicy: RemovalPolicy): s3.Bucket {
  const logs = new s3.Bucket(scope, 'AccessLogs', {
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

/**
 * The bucket and key policy statements of one region's store for the targets in that region: each
 * role by ARN, with exactly the access its target asks for, each grant written once. Targets call
 * back (`artifactAccessChanged`) when they ask for more.
 */
export class TargetArtifactPolicies implements TargetArtifactAccessListener {
  /** What the bucket and key policies already grant each target. */
  private readonly granted = new Map<DeploymentTarget, { writes: boolean; executionReads: boolean }>();

  constructor(private readonly identity: PipelineIdentity, private readonly region: string, private readonly storage: ArtifactStorage) {}

  /** Writes the target's reads (and whatever more it has asked for), and follows its later requests. */
  public add(target: DeploymentTarget): void {
    this.allow(target, 'action', ['s3:GetObject', 's3:GetObjectVersion'], ['kms:Decrypt']);
    this.artifactAccessChanged(target);
    target.onArtifactAccessChange(this);
  }

  public artifactAccessChanged(target: DeploymentTarget): void {
    const previous = this.granted.get(target) ?? { writes: false, executionReads: false };
    if (target.artifactAccess.actionRoleWrites && !previous.writes) {
      this.allow(target, 'action', ['s3:PutObject'], ['kms:GenerateDataKey']);
    }
    if (target.artifactAccess.executionRoleReads && !previous.executionReads) {
      this.allow(target, 'execution', ['s3:GetObject', 's3:GetObjectVersion'], ['kms:Decrypt']);
    }
  }

  private allow(target: DeploymentTarget, role: 'action' | 'execution', s3Actions: string[], kmsActions: string[]): void {
    const principalArn = role === 'action'
      ? this.identity.actionRoleArn(target.account, this.region)
      : this.identity.executionRoleArn(target.account, this.region);
    const principal = new iam.ArnPrincipal(principalArn);
    this.storage.bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: s3Actions,
      resources: [this.storage.bucket.arnForObjects('*')],
    }));
    this.storage.key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: kmsActions,
      resources: ['*'],
      // Only through S3 in this region: the roles never call KMS directly, and the key encrypts this bucket alone.
      conditions: { StringEquals: { 'kms:ViaService': this.identity.s3ViaServiceIn(this.region) } },
    }));
    const granted = this.granted.get(target) ?? { writes: false, executionReads: false };
    this.granted.set(target, {
      writes: granted.writes || (role === 'action' && s3Actions.includes('s3:PutObject')),
      executionReads: granted.executionReads || role === 'execution',
    });
  }
}
