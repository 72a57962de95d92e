import { assertAccountId, assertBucketName, assertRegion } from './names';

/** Props for `PipelineIdentity`. */
export interface PipelineIdentityProps {
  /** The 12-digit account that holds the pipeline, its artifact bucket and its KMS key. */
  readonly pipelineAccount: string;
  /** The region of the pipeline and of every deployment target. */
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
    assertBucketName(where, 'the artifact bucket name built from name, pipelineAccount and region', this.artifactBucketName);
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

  /** The artifact bucket, in the pipeline account: globally unique by account and region. */
  public get artifactBucketName(): string {
    return `${this.name}-artifacts-${this.pipelineAccount}-${this.region}`;
  }

  public get artifactBucketArn(): string {
    return `arn:${this.partition}:s3:::${this.artifactBucketName}`;
  }

  /** The alias of the artifact key, which target accounts use to scope their KMS permissions. */
  public get keyAliasName(): string {
    return `alias/${this.name}-artifacts`;
  }

  public get keyAliasArn(): string {
    return `arn:${this.partition}:kms:${this.region}:${this.pipelineAccount}:${this.keyAliasName}`;
  }

  /** The ARN pattern of every KMS key in the pipeline account and region (narrowed by the alias condition). */
  public get keyArnPattern(): string {
    return `arn:${this.partition}:kms:${this.region}:${this.pipelineAccount}:key/*`;
  }

  /** The role the pipeline assumes in a target account to call CloudFormation. */
  public get actionRoleName(): string {
    return `${this.name}-deploy-action`;
  }

  public actionRoleArn(account: string): string {
    return this.roleArn(account, this.actionRoleName);
  }

  /** The CloudFormation service role in a target account. */
  public get executionRoleName(): string {
    return `${this.name}-cfn-execution`;
  }

  public executionRoleArn(account: string): string {
    return this.roleArn(account, this.executionRoleName);
  }

  /** The ARN of a stack in a target account, for any stack ID (the ID is only known after creation). */
  public stackArn(account: string, stackName: string): string {
    return `arn:${this.partition}:cloudformation:${this.region}:${account}:stack/${stackName}/*`;
  }

  /** The service name S3 uses when it calls KMS on a caller's behalf (`kms:ViaService`). */
  public get s3ViaService(): string {
    return `s3.${this.region}.${this.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
  }

  private roleArn(account: string, roleName: string): string {
    return `arn:${this.partition}:iam::${account}:role/${roleName}`;
  }
}

/**
 * The names in the pipeline account that stores for `a` and `b` would both create (role names are
 * unique per account, bucket names everywhere, key aliases per region); empty when the two stores can
 * live side by side. Internal: not exported from the package.
 */
export function sharedPipelineAccountNames(a: PipelineIdentity, b: PipelineIdentity): string[] {
  if (a.partition !== b.partition || a.pipelineAccount !== b.pipelineAccount || a.name !== b.name) return [];
  const names = [`role ${a.pipelineRoleName}`];
  if (a.region === b.region) names.push(`bucket ${a.artifactBucketName}`, `key alias ${a.keyAliasName}`);
  return names;
}
