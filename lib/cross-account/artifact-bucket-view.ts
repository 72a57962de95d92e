import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The names of a bucket a view repeats. */
export type BucketViewAttributes = Pick<s3.IBucket, 'bucketArn' | 'bucketName' | 'bucketDomainName' | 'bucketWebsiteUrl'
| 'bucketWebsiteDomainName' | 'bucketRegionalDomainName' | 'bucketDualStackDomainName'>;

/**
 * The artifact bucket as the pipeline sees it: the same bucket and key, but a reference whose grants
 * can only add to the grantee's own policy, never to the bucket or key policies, which the artifact
 * stores write themselves, least-privilege.
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

  /**
   * A view of a bucket in another region, by name only: the pipeline stack cannot refer to a resource
   * in another region's stack. `scope` is in that stack, so a pipeline given the view depends on it.
   */
  public static named(scope: Construct, id: string, bucketName: string, partition: string, region: string, key: kms.IKey): ArtifactBucketView {
    const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new ArtifactBucketView(scope, id, {
      bucketArn: `arn:${partition}:s3:::${bucketName}`,
      bucketName,
      bucketDomainName: `${bucketName}.s3.${suffix}`,
      bucketWebsiteUrl: `http://${bucketName}.s3-website-${region}.${suffix}`,
      bucketWebsiteDomainName: `${bucketName}.s3-website-${region}.${suffix}`,
      bucketRegionalDomainName: `${bucketName}.s3.${region}.${suffix}`,
      bucketDualStackDomainName: `${bucketName}.s3.dualstack.${region}.${suffix}`,
    }, key);
  }

  constructor(scope: Construct, id: string, bucket: BucketViewAttributes, key: kms.IKey) {
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
