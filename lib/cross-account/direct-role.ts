import { Aspects, Lazy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** One IAM policy statement as CloudFormation renders it. */
export type StatementJson = Record<string, unknown>;

/** An `Allow` statement in aws-cdk-lib's rendering: a single action or resource is a string, not a list. */
export function allowStatement(actions: string[], resources: string[], conditions?: Record<string, unknown>): StatementJson {
  return {
    Effect: 'Allow',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: resources.length === 1 ? resources[0] : resources,
    ...(conditions ? { Condition: conditions } : {}),
  };
}

/**
 * The size IAM allows for all inline policies of one role together, and for one managed policy
 * (characters, whitespace not counted).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export const MAX_INLINE_POLICY_SIZE = 10_240;
export const MAX_MANAGED_POLICY_SIZE = 6_144;

export interface DirectRoleProps {
  readonly roleName: string;
  readonly description: string;
  /** The trust policy's only statement (`sts:AssumeRole`). */
  readonly trust: StatementJson;
  /**
   * Managed policies attached to the role.
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];
}

/**
 * An IAM role whose trust policy and statements this library knows in full, written straight to
 * CloudFormation: each statement is a plain object, not aws-cdk-lib's grant and policy-merging
 * machinery, which is most of the cost of a target stack at synth. The construct paths are those of
 * aws-cdk-lib's `iam.Role` (`<id>/Resource`, `<id>/DefaultPolicy/Resource`), so the logical IDs, and
 * therefore deployed roles, are the same as when these roles were `iam.Role`s.
 *
 * Statements beyond IAM's 10,240-character inline quota move into managed policies
 * (`<id>/OverflowPolicy<n>`), as aws-cdk-lib's `iam.Role` does.
 */
export class DirectRole extends Construct {
  public readonly resource: iam.CfnRole;
  private readonly statements: Array<StatementJson | iam.PolicyStatement> = [];
  private policy?: iam.CfnPolicy;
  /** The rendered text of each statement moved into an overflow managed policy. */
  private readonly overflowed = new Set<string>();
  private readonly roleName: string;

  constructor(scope: Construct, id: string, props: DirectRoleProps) {
    super(scope, id);
    this.roleName = props.roleName;
    const managedPolicies = props.managedPolicies ?? [];
    this.resource = new iam.CfnRole(this, 'Resource', {
      roleName: props.roleName,
      description: props.description,
      assumeRolePolicyDocument: { Statement: [props.trust], Version: '2012-10-17' },
      managedPolicyArns: managedPolicies.length > 0 ? managedPolicies.map((policy) => policy.managedPolicyArn) : undefined,
    });
    this.node.addValidation({ validate: () => this.validateStatements() });
    // Like aws-cdk-lib's Role: the split happens once every statement is known, before synthesis.
    Aspects.of(this).add({ visit: (node) => { if (node === this) this.splitLargePolicy(); } });
  }

  /** Adds a statement to the role's policy. Statements equal to one already added are rendered once. */
  public addStatement(statement: StatementJson | iam.PolicyStatement): void {
    this.statements.push(statement);
    if (!this.policy) {
      const policyScope = new Construct(this, 'DefaultPolicy');
      this.policy = new iam.CfnPolicy(policyScope, 'Resource', {
        // Uncached: each synth renders the statements added until then.
        policyDocument: Lazy.uncachedAny({ produce: () => ({ Statement: this.inlineStatements(), Version: '2012-10-17' }) }),
        // aws-cdk-lib names a role's default policy after its logical ID.
        policyName: Lazy.string({ produce: () => this.policy!.logicalId }),
        roles: [this.resource.ref],
      });
    }
  }

  /** Every statement, rendered, duplicates removed (user statements may hold tokens, resolved later). */
  private renderedStatements(): Array<{ json: StatementJson; text: string }> {
    const seen = new Set<string>();
    const rendered: Array<{ json: StatementJson; text: string }> = [];
    for (const statement of this.statements) {
      const json = isPolicyStatement(statement) ? statement.toStatementJson() as StatementJson : statement;
      const text = JSON.stringify(json);
      if (seen.has(text)) continue;
      seen.add(text);
      rendered.push({ json, text });
    }
    return rendered;
  }

  /** The statements not moved into an overflow policy: none is ever left out of both. */
  private inlineStatements(): StatementJson[] {
    return this.renderedStatements().filter((s) => !this.overflowed.has(s.text)).map((s) => s.json);
  }

  private splitLargePolicy(): void {
    const rendered = this.renderedStatements();
    // Measured as rendered, tokens in their unresolved form, as aws-cdk-lib's Role measures them.
    const documentSize = JSON.stringify({ Statement: [], Version: '2012-10-17' }).length;
    let used = documentSize;
    let inline = 0;
    while (inline < rendered.length && used + rendered[inline].text.length + 1 <= MAX_INLINE_POLICY_SIZE) {
      used += rendered[inline++].text.length + 1;
    }
    const parts: Array<{ statements: StatementJson[]; size: number }> = [];
    for (const { json, text } of rendered.slice(inline)) {
      this.overflowed.add(text);
      const last = parts[parts.length - 1];
      if (last && last.size + text.length + 1 <= MAX_MANAGED_POLICY_SIZE) {
        last.statements.push(json);
        last.size += text.length + 1;
      } else {
        parts.push({ statements: [json], size: documentSize + text.length });
      }
    }
    parts.forEach((part, index) => {
      new iam.CfnManagedPolicy(this, `OverflowPolicy${index + 1}`, {
        description: `Statements of the role ${this.roleName} beyond IAM's inline policy quota`,
        policyDocument: { Statement: part.statements, Version: '2012-10-17' },
        roles: [this.resource.ref],
      });
    });
  }

  private validateStatements(): string[] {
    return this.statements
      .filter(isPolicyStatement)
      .flatMap((statement) => statement.validateForIdentityPolicy());
  }
}

/**
 * Whether a statement is an aws-cdk-lib `PolicyStatement` rather than plain JSON. Duck-typed, not
 * `instanceof`: an app that links this library can load a second copy of aws-cdk-lib, whose
 * statements are not instances of ours and would otherwise be written with their internals.
 */
function isPolicyStatement(statement: StatementJson | iam.PolicyStatement): statement is iam.PolicyStatement {
  const candidate = statement as Partial<iam.PolicyStatement>;
  return typeof candidate.toStatementJson === 'function' && typeof candidate.validateForIdentityPolicy === 'function';
}
