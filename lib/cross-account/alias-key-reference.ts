import { Resource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PipelineIdentity } from './pipeline-identity';

/**
 * The artifact key of a region as the pipeline names it: by its alias ARN, which CodePipeline and
 * KMS accept wherever a request names the key (aws-cdk-lib's own cross-region support stacks name
 * their keys the same way). The key's ID is only known in that region's stack, and a pipeline stack
 * cannot refer to a resource in another region.
 *
 * An IAM statement whose resource is an alias ARN matches no request on the key itself, so a grant
 * through this reference writes `key/*` in the region, narrowed to the key carrying the alias
 * (`kms:ResourceAliases`), to the grantee's own policy. It never changes the key policy.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/cmm-alias-authorization.html
 */
export class AliasKeyReference extends Resource implements kms.IKey {
  public readonly keyArn: string;
  public readonly keyId: string;
  private readonly identity: PipelineIdentity;
  private readonly keyRegion: string;

  constructor(scope: Construct, id: string, identity: PipelineIdentity, region: string) {
    super(scope, id, { account: identity.pipelineAccount, region });
    this.identity = identity;
    this.keyRegion = region;
    this.keyArn = identity.keyAliasArnIn(region);
    this.keyId = identity.keyAliasName;
  }

  public get keyRef(): kms.KeyReference {
    return { keyArn: this.keyArn, keyId: this.keyId };
  }

  public addAlias(alias: string): kms.Alias {
    throw new Error(`${this.node.path}: cannot add the alias ${alias} to the ${this.identity.name} pipeline's artifact key in ${this.keyRegion} through a reference; add it to the key in its store.`);
  }

  public addToResourcePolicy(_statement: iam.PolicyStatement, _allowNoOp?: boolean): iam.AddToResourcePolicyResult {
    // The store writes its key policy itself, naming exactly its region's target roles.
    return { statementAdded: false };
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [this.identity.keyArnPatternIn(this.keyRegion)],
      conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': this.identity.keyAliasName } },
    });
  }

  public grantDecrypt(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Decrypt');
  }

  public grantEncrypt(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
  }

  public grantEncryptDecrypt(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
  }

  public grantSign(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Sign');
  }

  public grantVerify(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Verify');
  }

  public grantSignVerify(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:Sign', 'kms:Verify');
  }

  public grantGenerateMac(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:GenerateMac');
  }

  public grantVerifyMac(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'kms:VerifyMac');
  }
}
