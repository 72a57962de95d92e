import { assertAccountId, assertBucketName, assertRegion } from './names';

/**
 * IAM role names: at most 64 characters.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
const MAX_ROLE_NAME_LENGTH = 64;

/** Props for `PipelineIdentity`. */
export interface PipelineIdentityProps {
  /** The 12-digit account that holds the pipeline, its artifact bucket and its KMS key. */
  readonly pipelineAccount: string;
  /**
   * The pipeline's region: where the pipeline, its role and its `CrossAccountArtifactStore` live, and
   * the region of a `DeploymentTarget` that does not name one. Targets in other regions keep their
   * artifacts in a `RegionalArtifactStore` for that region.
   */
  readonly region: string;
  /**
   * The prefix of every cross-account name (roles, bucket, key alias): 3–24 characters, lowercase
   * letters, digits and hyphens, starting with a letter. Use one per pipeline.
   */
  readonly name: string;
  /**
   * The AWS partition of every account.
   * @default 'aws'
   */
  readonly partition?: string;
}

/**
 * The deterministic names both sides of a cross-account pipeline agree on: the pipeline account
 * names the target accounts' roles in its key and bucket policies, and the target accounts name the
 * pipeline role, artifact bucket and key alias in theirs. CDK cross-stack references cannot cross
 * accounts, and the target stacks deploy before the pipeline stack, so every such name is computed
 * here from plain values instead.
 *
 * The getters without a region name the pipeline region's store and target roles. The `…In(region)`
 * methods name those of any region: the bucket and key alias follow one pattern everywhere (bucket
 * names carry the region, aliases are regional), while target role names outside the pipeline's
 * region end in `-<region>`, because IAM role names are global in an account that may be a target
 * in several regions.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export class PipelineIdentity {
  public readonly pipelineAccount: string;
  public readonly region: string;
  public readonly name: string;
  public readonly partition: string;

  constructor(props: PipelineIdentityProps) {
    const where = 'PipelineIdentity';
    assertAccountId(where, 'pipelineAccount', props.pipelineAccount);
    assertRegion(where, 'region', props.region);
    if (!/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/.test(props.name)) {
      throw new Error(`${where}: name "${props.name}" must be 3–24 characters of lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit; it prefixes IAM role names, the artifact bucket name and the key alias.`);
    }
    const partition = props.partition ?? 'aws';
    if (!/^aws(-[a-z]+)*$/.test(partition)) {
      throw new Error(`${where}: partition "${partition}" is not an AWS partition such as "aws", "aws-cn" or "aws-us-gov".`);
    }
    this.pipelineAccount = props.pipelineAccount;
    this.region = props.region;
    this.name = props.name;
    this.partition = partition;
    assertBucketName(where, 'the artifact bucket name built from name, pipelineAccount and region', `${this.name}-artifacts-${this.pipelineAccount}-${this.region}`,
      'Choose a shorter PipelineIdentity name, or one that does not start with that prefix.');
  }

  /** Whether `other` names the same pipeline (same account, region, name and partition). */
  public equals(other: PipelineIdentity): boolean {
    return this.pipelineAccount === other.pipelineAccount && this.region === other.region
      && this.name === other.name && this.partition === other.partition;
  }

  /** The name of the role CodePipeline runs as, in the pipeline account. */
  public get pipelineRoleName(): string {
    return `${this.name}-pipeline`;
  }

  public get pipelineRoleArn(): string {
    return this.roleArn(this.pipelineAccount, this.pipelineRoleName);
  }

  /** The pipeline region's artifact bucket, in the pipeline account: globally unique by account and region. */
  public get artifactBucketName(): string {
    return this.artifactBucketNameIn(this.region);
  }

  public get artifactBucketArn(): string {
    return this.artifactBucketArnIn(this.region);
  }

  /** The alias of the artifact key, the same in every region (aliases are regional); target accounts scope their KMS permissions by it. */
  public get keyAliasName(): string {
    return `alias/${this.name}-artifacts`;
  }

  public get keyAliasArn(): string {
    return this.keyAliasArnIn(this.region);
  }

  /** The ARN pattern of every KMS key in the pipeline account and region (narrowed by the alias condition). */
  public get keyArnPattern(): string {
    return this.keyArnPatternIn(this.region);
  }

  /** The role the pipeline assumes in a target account of the pipeline's region to call CloudFormation. */
  public get actionRoleName(): string {
    return this.actionRoleNameIn(this.region);
  }

  /** The action role of the target in `account` and `region` (default: the pipeline's region). */
  public actionRoleArn(account: string, region: string = this.region): string {
    return this.roleArn(account, this.actionRoleNameIn(region));
  }

  /** The CloudFormation service role in a target account of the pipeline's region. */
  public get executionRoleName(): string {
    return this.executionRoleNameIn(this.region);
  }

  /** The execution role of the target in `account` and `region` (default: the pipeline's region). */
  public executionRoleArn(account: string, region: string = this.region): string {
    return this.roleArn(account, this.executionRoleNameIn(region));
  }

  /**
   * The reviewer role of the target in `account` and `region` (default: the pipeline's region):
   * `<name>-review`, with `-<region>` outside the pipeline's region. Read-only; see `DeploymentTarget.grantReview()`.
   */
  public reviewRoleArn(account: string, region: string = this.region): string {
    return this.roleArn(account, this.reviewRoleNameIn(region));
  }

  /** The name of the reviewer role of a target in `region`. */
  public reviewRoleNameIn(region: string): string {
    return this.targetRoleName('reviewer role', `${this.name}-review`, region);
  }

  /** The role of the pipeline's change-set review function, in the pipeline account: `<name>-change-set-review`. */
  public get reviewFunctionRoleName(): string {
    return `${this.name}-change-set-review`;
  }

  public get reviewFunctionRoleArn(): string {
    return this.roleArn(this.pipelineAccount, this.reviewFunctionRoleName);
  }

  /**
   * The ARN of a stack in a target account and region (default: the pipeline's region), for any
   * stack ID (the ID is only known after creation).
   */
  public stackArn(account: string, stackName: string, region: string = this.region): string {
    return `arn:${this.partition}:cloudformation:${this.checkedRegion(region)}:${account}:stack/${stackName}/*`;
  }

  /** The service name S3 uses when it calls KMS on a caller's behalf (`kms:ViaService`) in the pipeline's region. */
  public get s3ViaService(): string {
    return this.s3ViaServiceIn(this.region);
  }

  /** The artifact bucket for `region`, in the pipeline account. */
  public artifactBucketNameIn(region: string): string {
    const bucketName = `${this.name}-artifacts-${this.pipelineAccount}-${this.checkedRegion(region)}`;
    assertBucketName(`PipelineIdentity "${this.name}"`, `the artifact bucket name for region ${region}`, bucketName,
      'It is built from name, pipelineAccount and the region: choose a shorter PipelineIdentity name.');
    return bucketName;
  }

  public artifactBucketArnIn(region: string): string {
    return `arn:${this.partition}:s3:::${this.artifactBucketNameIn(region)}`;
  }

  /** The ARN of the artifact key's alias in `region`; CodePipeline and S3 accept it wherever they name the key. */
  public keyAliasArnIn(region: string): string {
    return `arn:${this.partition}:kms:${this.checkedRegion(region)}:${this.pipelineAccount}:${this.keyAliasName}`;
  }

  /** The ARN pattern of every KMS key in the pipeline account in `region` (narrowed by the alias condition). */
  public keyArnPatternIn(region: string): string {
    return `arn:${this.partition}:kms:${this.checkedRegion(region)}:${this.pipelineAccount}:key/*`;
  }

  /** The service name S3 uses in `region` when it calls KMS on a caller's behalf (`kms:ViaService`). */
  public s3ViaServiceIn(region: string): string {
    return `s3.${this.checkedRegion(region)}.${this.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
  }

  /** The name of the action role of a target in `region`: `<name>-deploy-action`, with `-<region>` outside the pipeline's region. */
  public actionRoleNameIn(region: string): string {
    return this.targetRoleName('action role', `${this.name}-deploy-action`, region);
  }

  /** The name of the execution role of a target in `region`: `<name>-cfn-execution`, with `-<region>` outside the pipeline's region. */
  public executionRoleNameIn(region: string): string {
    return this.targetRoleName('execution role', `${this.name}-cfn-execution`, region);
  }

  private targetRoleName(what: string, base: string, region: string): string {
    if (this.checkedRegion(region) === this.region) return base;
    const roleName = `${base}-${region}`;
    if (roleName.length > MAX_ROLE_NAME_LENGTH) {
      const longest = this.name.length - (roleName.length - MAX_ROLE_NAME_LENGTH);
      throw new Error(`PipelineIdentity "${this.name}": the ${what} name for region ${region} "${roleName}" is ${roleName.length} characters long; IAM allows at most ${MAX_ROLE_NAME_LENGTH}. Choose a PipelineIdentity name of at most ${longest} characters.`);
    }
    return roleName;
  }

  private checkedRegion(region: string): string {
    if (region !== this.region) assertRegion(`PipelineIdentity "${this.name}"`, 'region', region);
    return region;
  }

  private roleArn(account: string, roleName: string): string {
    return `arn:${this.partition}:iam::${account}:role/${roleName}`;
  }
}

/**
 * The names in the pipeline account that the artifact stores for (`a`, `regionOfA`) and (`b`,
 * `regionOfB`) would both create; empty when the two stores can live side by side. A store in its
 * identity's region (`CrossAccountArtifactStore`) creates the pipeline role, a bucket and a key alias;
 * a store for another region (`RegionalArtifactStore`) a bucket and a key alias. Role names are unique
 * per account, bucket names everywhere, key aliases per region. Internal: not exported from the package.
 */
export function sharedPipelineAccountNames(a: PipelineIdentity, b: PipelineIdentity, regionOfA: string = a.region, regionOfB: string = b.region): string[] {
  if (a.partition !== b.partition || a.pipelineAccount !== b.pipelineAccount || a.name !== b.name) return [];
  const names: string[] = [];
  if (regionOfA === a.region && regionOfB === b.region) names.push(`role ${a.pipelineRoleName}`);
  if (regionOfA === regionOfB) names.push(`bucket ${a.artifactBucketNameIn(regionOfA)}`, `key alias ${a.keyAliasName} in ${regionOfA}`);
  return names;
}
