import { createHash } from 'crypto';

/** One synthesized stack, as the IAM evaluation reads it: where it deploys and its template. */
export interface DeployedTemplate {
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  readonly template: Template;
}

export interface Template {
  readonly Resources?: Record<string, { Type: string; Properties?: Record<string, any> }>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  readonly Parameters?: Record<string, { Default?: unknown }>;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/**
 * The ID CloudFormation would give a key it creates: random in AWS, here derived from where the key
 * is, so each key has its own ID and every run the same one.
 */
export function keyIdOf(stack: DeployedTemplate, logicalId: string): string {
  const hex = createHash('sha256').update(`${stack.account}/${stack.region}/${stack.stackName}/${logicalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Finds the stack exporting a name, for `Fn::ImportValue`. */
export type ExportLookup = (name: string) => string;

/**
 * Resolves the CloudFormation intrinsics these templates use into the values CloudFormation would
 * produce in the stack's account and region. Physical names a template leaves to CloudFormation are
 * made deterministic (`<stack>-<logicalId>`); an intrinsic this reader does not know throws, so a
 * policy is never evaluated with a part silently missing.
 */
export class IntrinsicResolver {
  private readonly partition: string;

  constructor(private readonly stack: DeployedTemplate, private readonly imports: ExportLookup = noImports) {
    this.partition = partitionOf(stack.region);
  }

  public resolve(value: unknown): any {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [key, arg] = entries[0];
      if (key === 'Ref') return this.ref(arg as string);
      if (key === 'Fn::GetAtt') return this.getAtt(...(typeof arg === 'string' ? splitAtt(arg) : arg as [string, string]));
      if (key === 'Fn::Join') {
        const [separator, parts] = arg as [string, unknown[]];
        return (this.resolve(parts) as unknown[]).map(String).join(separator);
      }
      if (key === 'Fn::Sub') return this.sub(arg);
      if (key === 'Fn::Select') {
        const [index, list] = arg as [unknown, unknown];
        return (this.resolve(list) as unknown[])[Number(this.resolve(index))];
      }
      if (key === 'Fn::Split') {
        const [separator, text] = arg as [string, unknown];
        return String(this.resolve(text)).split(separator);
      }
      if (key === 'Fn::ImportValue') return this.imports(String(this.resolve(arg)));
      if (key.startsWith('Fn::')) throw new Error(`${this.stack.stackName}: the IAM evaluation cannot resolve ${key} (${JSON.stringify(arg)})`);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(v)]));
  }

  private ref(name: string): string {
    switch (name) {
      case 'AWS::Partition': return this.partition;
      case 'AWS::AccountId': return this.stack.account;
      case 'AWS::Region': return this.stack.region;
      case 'AWS::URLSuffix': return urlSuffixOf(this.stack.region);
      case 'AWS::StackName': return this.stack.stackName;
    }
    const parameter = this.stack.template.Parameters?.[name];
    if (parameter) {
      if (parameter.Default === undefined) throw new Error(`${this.stack.stackName}: parameter ${name} has no default to evaluate with`);
      return String(parameter.Default);
    }
    const resource = this.resource(name);
    const props = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::IAM::Role': return this.roleName(name);
      case 'AWS::IAM::Policy': return this.resolve(props.PolicyName);
      case 'AWS::IAM::ManagedPolicy': return this.managedPolicyArn(name);
      case 'AWS::S3::Bucket': return this.bucketName(name);
      case 'AWS::KMS::Key': return keyIdOf(this.stack, name);
      case 'AWS::KMS::Alias': return this.resolve(props.AliasName);
      case 'AWS::CodePipeline::Pipeline': return this.resolve(props.Name) ?? this.generatedName(name);
      case 'AWS::SNS::Topic': return `arn:${this.partition}:sns:${this.stack.region}:${this.stack.account}:${props.TopicName ?? this.generatedName(name)}`;
      case 'AWS::Lambda::Function': return this.resolve(props.FunctionName) ?? this.generatedName(name);
      case 'AWS::Logs::LogGroup': return this.resolve(props.LogGroupName) ?? this.generatedName(name);
      default: throw new Error(`${this.stack.stackName}: the IAM evaluation cannot resolve Ref ${name} (${resource.Type})`);
    }
  }

  private getAtt(logicalId: string, attribute: string): string {
    const resource = this.resource(logicalId);
    const { partition } = this;
    const { account, region } = this.stack;
    switch (`${resource.Type}.${attribute}`) {
      case 'AWS::IAM::Role.Arn': return `arn:${partition}:iam::${account}:role${this.resolve(resource.Properties?.Path) ?? '/'}${this.roleName(logicalId)}`;
      case 'AWS::S3::Bucket.Arn': return `arn:${partition}:s3:::${this.bucketName(logicalId)}`;
      case 'AWS::KMS::Key.Arn': return `arn:${partition}:kms:${region}:${account}:key/${keyIdOf(this.stack, logicalId)}`;
      case 'AWS::SNS::Topic.TopicArn': return this.ref(logicalId);
      case 'AWS::Lambda::Function.Arn': return `arn:${partition}:lambda:${region}:${account}:function:${this.ref(logicalId)}`;
      // A log group's Arn attribute ends in `:*`, as CloudFormation documents it.
      case 'AWS::Logs::LogGroup.Arn': return `arn:${partition}:logs:${region}:${account}:log-group:${this.ref(logicalId)}:*`;
      default: throw new Error(`${this.stack.stackName}: the IAM evaluation cannot resolve Fn::GetAtt ${logicalId}.${attribute} (${resource.Type})`);
    }
  }

  private sub(arg: unknown): string {
    const [text, variables = {}] = typeof arg === 'string' ? [arg, {}] : arg as [string, Record<string, unknown>];
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
      if (name in variables) return String(this.resolve(variables[name]));
      const dot = name.indexOf('.');
      return dot > 0 && !name.startsWith('AWS::') ? this.getAtt(name.slice(0, dot), name.slice(dot + 1)) : this.ref(name);
    });
  }

  private resource(logicalId: string) {
    const resource = this.stack.template.Resources?.[logicalId];
    if (!resource) throw new Error(`${this.stack.stackName}: no resource ${logicalId}`);
    return resource;
  }

  private roleName(logicalId: string): string {
    return this.resolve(this.resource(logicalId).Properties?.RoleName) ?? this.generatedName(logicalId);
  }

  private bucketName(logicalId: string): string {
    return this.resolve(this.resource(logicalId).Properties?.BucketName) ?? this.generatedName(logicalId).toLowerCase().slice(0, 63);
  }

  private managedPolicyArn(logicalId: string): string {
    const props = this.resource(logicalId).Properties ?? {};
    const path = this.resolve(props.Path) ?? '/';
    return `arn:${this.partition}:iam::${this.stack.account}:policy${path}${this.resolve(props.ManagedPolicyName) ?? this.generatedName(logicalId)}`;
  }

  private generatedName(logicalId: string): string {
    return `${this.stack.stackName}-${logicalId}`;
  }
}

function splitAtt(text: string): [string, string] {
  const dot = text.indexOf('.');
  return [text.slice(0, dot), text.slice(dot + 1)];
}

function noImports(name: string): string {
  throw new Error(`no stack exports ${name}`);
}
