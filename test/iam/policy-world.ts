import { App, Stage } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { DeployedTemplate, IntrinsicResolver, partitionOf } from './intrinsics';

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: Array<Record<string, unknown>>;
}

/** A role as IAM holds it once every stack of the app is deployed. */
export interface RoleRecord {
  readonly arn: string;
  readonly account: string;
  readonly trustPolicy: PolicyDocument;
  /** Inline policies, `AWS::IAM::Policy` resources naming the role, and managed policies from the app. */
  readonly identityPolicies: Array<{ name: string; policy: PolicyDocument }>;
  /** Managed policies not defined in the app (AWS managed ones): their statements are unknown here. */
  readonly opaqueManagedPolicies: string[];
}

export interface KeyRecord {
  readonly arn: string;
  readonly account: string;
  readonly region: string;
  readonly policy: PolicyDocument;
  /** Alias names (`alias/...`) pointing at the key: KMS sends them as `kms:ResourceAliases`. */
  readonly aliases: string[];
}

export interface BucketRecord {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly policy?: PolicyDocument;
  /** The key the bucket encrypts objects with by default, if a customer-managed one. */
  readonly keyArn?: string;
}

/**
 * Every role, key, bucket and topic policy of a synthesized app, with intrinsics resolved to the ARNs
 * they have once deployed in each stack's account and region: what IAM, KMS and S3 evaluate.
 */
export class PolicyWorld {
  /** Synthesizes `app` (every stage in it) and reads every stack. */
  public static fromApp(app: App | Stage): PolicyWorld {
    return PolicyWorld.fromAssembly(app.synth());
  }

  public static fromAssembly(assembly: CloudAssembly): PolicyWorld {
    return new PolicyWorld(assembly.stacksRecursively.map((stack) => ({
      stackName: stack.stackName,
      account: stack.environment.account,
      region: stack.environment.region,
      template: stack.template,
    })));
  }

  public readonly roles = new Map<string, RoleRecord>();
  public readonly keys = new Map<string, KeyRecord>();
  public readonly buckets = new Map<string, BucketRecord>();
  public readonly topicPolicies = new Map<string, PolicyDocument>();
  private readonly exports = new Map<string, { stack: DeployedTemplate; value: unknown }>();

  constructor(public readonly stacks: DeployedTemplate[]) {
    for (const stack of stacks) {
      if (!/^\d{12}$/.test(stack.account) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(stack.region)) {
        throw new Error(`${stack.stackName}: the IAM evaluation needs a concrete account and region (env), got ${stack.account}/${stack.region}`);
      }
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        if (output.Export) this.exports.set(String(this.resolver(stack).resolve(output.Export.Name)), { stack, value: output.Value });
      }
    }
    for (const stack of stacks) this.read(stack);
  }

  /** The role named by `arn` (a role ARN or an assumed-role session ARN); throws when no stack defines it. */
  public role(arn: string): RoleRecord {
    const role = this.roles.get(roleArnOf(arn));
    if (!role) throw new Error(`no stack of the app defines the role ${arn}; roles: ${[...this.roles.keys()].join(', ')}`);
    return role;
  }

  /** The key with this ARN, or the key an alias ARN (`arn:…:alias/name`) points at in its account and region. */
  public key(arn: string): KeyRecord {
    const alias = /^arn:[^:]+:kms:([^:]+):(\d{12}):(alias\/.+)$/.exec(arn);
    const key = alias
      ? [...this.keys.values()].find((k) => k.region === alias[1] && k.account === alias[2] && k.aliases.includes(alias[3]))
      : this.keys.get(arn);
    if (!key) throw new Error(`no stack of the app defines the key ${arn}`);
    return key;
  }

  /** The key whose alias is `aliasName` in `account` and `region`. */
  public keyByAlias(account: string, region: string, aliasName: string): KeyRecord {
    return this.key(`arn:${partitionOf(region)}:kms:${region}:${account}:${aliasName}`);
  }

  public bucket(name: string): BucketRecord {
    const bucket = this.buckets.get(name);
    if (!bucket) throw new Error(`no stack of the app defines the bucket ${name}; buckets: ${[...this.buckets.keys()].join(', ')}`);
    return bucket;
  }

  /**
   * A value of the app (a token such as `bucket.bucketName`, resolved by its stack) as it is once
   * deployed: `world.valueOf(stack.stackName, stack.resolve(bucket.bucketName))`.
   */
  public valueOf(stackName: string, resolved: unknown): any {
    const stack = this.stacks.find((s) => s.stackName === stackName);
    if (!stack) throw new Error(`no stack ${stackName} in the app`);
    return this.resolver(stack).resolve(resolved);
  }

  private resolver(stack: DeployedTemplate): IntrinsicResolver {
    return new IntrinsicResolver(stack, (name) => {
      const exported = this.exports.get(name);
      if (!exported) throw new Error(`${stack.stackName}: no stack exports ${name}`);
      if (exported.stack.account !== stack.account || exported.stack.region !== stack.region) {
        throw new Error(`${stack.stackName} imports ${name} from ${exported.stack.stackName} in another environment, which CloudFormation refuses`);
      }
      return String(this.resolver(exported.stack).resolve(exported.value));
    });
  }

  private read(stack: DeployedTemplate): void {
    const resolver = this.resolver(stack);
    const resources = Object.entries(stack.template.Resources ?? {});
    const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
    const roleArnByName = new Map<string, string>();
    const managed = new Map<string, PolicyDocument>();

    for (const [logicalId, resource] of ofType('AWS::IAM::ManagedPolicy')) {
      managed.set(resolver.resolve({ Ref: logicalId }), resolver.resolve(resource.Properties!.PolicyDocument));
    }
    for (const [logicalId, resource] of ofType('AWS::IAM::Role')) {
      const props = resource.Properties ?? {};
      const arn: string = resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] });
      roleArnByName.set(resolver.resolve({ Ref: logicalId }), arn);
      const identityPolicies = (props.Policies ?? []).map((p: any) => ({ name: resolver.resolve(p.PolicyName), policy: resolver.resolve(p.PolicyDocument) }));
      const opaqueManagedPolicies: string[] = [];
      for (const policyArn of resolver.resolve(props.ManagedPolicyArns ?? []) as string[]) {
        const document = managed.get(policyArn);
        if (document) identityPolicies.push({ name: policyArn, policy: document });
        else opaqueManagedPolicies.push(policyArn);
      }
      this.roles.set(arn, { arn, account: stack.account, trustPolicy: resolver.resolve(props.AssumeRolePolicyDocument), identityPolicies, opaqueManagedPolicies });
    }
    const attach = (roleNames: unknown, name: string, policy: PolicyDocument) => {
      for (const roleName of resolver.resolve(roleNames ?? []) as string[]) {
        const arn = roleArnByName.get(roleName) ?? `arn:${partitionOf(stack.region)}:iam::${stack.account}:role/${roleName}`;
        const role = this.roles.get(arn);
        if (!role) throw new Error(`${stack.stackName}: policy ${name} is attached to ${roleName}, which no stack of the app defines`);
        role.identityPolicies.push({ name, policy });
      }
    };
    for (const [logicalId, resource] of ofType('AWS::IAM::Policy')) {
      attach(resource.Properties!.Roles, resolver.resolve(resource.Properties!.PolicyName) ?? logicalId, resolver.resolve(resource.Properties!.PolicyDocument));
    }
    for (const [logicalId, resource] of ofType('AWS::IAM::ManagedPolicy')) {
      attach(resource.Properties!.Roles, resolver.resolve({ Ref: logicalId }), resolver.resolve(resource.Properties!.PolicyDocument));
    }

    for (const [logicalId, resource] of ofType('AWS::KMS::Key')) {
      const arn: string = resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] });
      this.keys.set(arn, { arn, account: stack.account, region: stack.region, policy: resolver.resolve(resource.Properties!.KeyPolicy), aliases: [] });
    }
    for (const [, resource] of ofType('AWS::KMS::Alias')) {
      const target: string = resolver.resolve(resource.Properties!.TargetKeyId);
      const key = [...this.keys.values()].find((k) => k.arn === target || k.arn.endsWith(`:key/${target}`));
      if (!key) throw new Error(`${stack.stackName}: alias ${resource.Properties!.AliasName} targets ${target}, which no stack of the app defines`);
      key.aliases.push(resolver.resolve(resource.Properties!.AliasName));
    }

    for (const [logicalId, resource] of ofType('AWS::S3::Bucket')) {
      const name: string = resolver.resolve({ Ref: logicalId });
      const rule = resource.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault;
      const keyArn = rule?.KMSMasterKeyID ? resolver.resolve(rule.KMSMasterKeyID) as string : undefined;
      this.buckets.set(name, { name, account: stack.account, region: stack.region, keyArn });
    }
    for (const [, resource] of ofType('AWS::S3::BucketPolicy')) {
      const name: string = resolver.resolve(resource.Properties!.Bucket);
      const bucket = this.bucket(name);
      this.buckets.set(name, { ...bucket, policy: resolver.resolve(resource.Properties!.PolicyDocument) });
    }
    for (const [, resource] of ofType('AWS::SNS::TopicPolicy')) {
      for (const topic of resolver.resolve(resource.Properties!.Topics) as string[]) {
        this.topicPolicies.set(topic, resolver.resolve(resource.Properties!.PolicyDocument));
      }
    }
  }
}

/** `arn:aws:sts::1:assumed-role/name/session` → `arn:aws:iam::1:role/name`; a role ARN as it is. */
export function roleArnOf(arn: string): string {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}
