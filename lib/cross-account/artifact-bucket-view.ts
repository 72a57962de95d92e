import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * The artifact bucket as the pipeline sees it: the same bucket and key, but a reference whose grants
 * can only add to the grantee's own policy, never to the bucket or key policies, which the
 * CrossAccountArtifactStore writes itself, least-privilege.
 *
 * A `BucketBase` rather than `Bucket.fromBucketAttributes`, which loads aws-cdk-lib's region facts
 * (~90 ms of every synth) only to name website endpoints a pipeline never uses.
 */
export class ArtifactBucketView extends s3.BucketBase {
  public readonly bucketArn: string;
  public readonly bucketName: string;
  public readonly bucketDomainName: string;
  public readonly bucketWebsiteUrl: string;
  public readonly bucketWebsiteDomainName: string;
  public readonly bucketRegionalDomainName: string;
  public readonly bucketDualStackDomainName: string;
  public readonly encryptionKey: kms.IKey;
  public readonly isWebsite = false;
  public policy?: s3.BucketPolicy = undefined;
  public replicationRoleArn?: string = undefined;
  public disallowPublicAccess = true;
  protected autoCreatePolicy = false;

  constructor(scope: Construct, id: string, bucket: s3.Bucket, key: kms.IKey) {
    super(scope, id);
    this.bucketArn = bucket.bucketArn;
    this.bucketName = bucket.bucketName;
    this.bucketDomainName = bucket.bucketDomainName;
    this.bucketWebsiteUrl = bucket.bucketWebsiteUrl;
    this.bucketWebsiteDomainName = bucket.bucketWebsiteDomainName;
    this.bucketRegionalDomainName = bucket.bucketRegionalDomainName;
    this.bucketDualStackDomainName = bucket.bucketDualStackDomainName;
    this.encryptionKey = key;
  }
}
