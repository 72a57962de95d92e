import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AspectPriority, Aspects, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** Whether `statement` is exactly the one aws-cdk-lib's Lambda invoke action adds to the action's role. */
function isListFunctions(statement: unknown): boolean {
  const { Sid: _sid, ...rest } = statement as Record<string, unknown>;
  const expected: Record<string, unknown> = { Action: 'lambda:ListFunctions', Effect: 'Allow', Resource: '*' };
  return Object.keys(rest).length === 3 && Object.entries(expected).every(([key, value]) => rest[key] === value);
}

/**
 * CodePipeline's Lambda invoke action, whose grants to the action's role (the pipeline role) carry
 * their evidence: aws-cdk-lib grants `lambda:ListFunctions` on `*` and `lambda:InvokeFunction` on the
 * function and its versions (`<arn>:*`).
 */
export class ReviewInvokeAction extends codepipeline_actions.LambdaInvokeAction {
  constructor(private readonly reviewProps: codepipeline_actions.LambdaInvokeActionProps) {
    super(reviewProps);
  }

  protected bound(scope: Construct, stage: codepipeline.IStage, options: codepipeline.ActionBindOptions): codepipeline.ActionConfig {
    const config = super.bound(scope, stage, options);
    const fn = this.reviewProps.lambda;
    const functionId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
    Validations.of(options.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason: 'lambda:InvokeFunction on the change-set review function\'s own versions and aliases (aws-cdk-lib\'s Lambda invoke action grant); no other function.',
    });
    acknowledgeListFunctions(options.role);
    return config;
  }
}

const WATCHED = new WeakSet<IConstruct>();

/**
 * cdk-nag reports every `Resource: *` of a role under the one ID `AwsSolutions-IAM5[Resource::*]`,
 * which cannot say which statement it is about. So the role's `lambda:ListFunctions` on `*` is
 * acknowledged only when, with every grant made, it is the role's only statement on `*`: checked in
 * an aspect that runs before read-only ones (cdk-nag's). Otherwise the finding stays for a person to
 * judge, since an acknowledgement naming ListFunctions would be false for the other statement.
 */
function acknowledgeListFunctions(role: iam.IRole): void {
  if (WATCHED.has(role)) return;
  WATCHED.add(role);
  Aspects.of(role).add({
    visit: (node) => {
      if (node !== role) return;
      const wildcards = wildcardStatements(role);
      // One ListFunctions statement per invoke action: the rendered policy holds it once.
      if (wildcards.length === 0 || !wildcards.every(isListFunctions)) return;
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'The role\'s only statement on "*" is lambda:ListFunctions, which aws-cdk-lib\'s Lambda invoke action grants the pipeline role: the Service Authorization Reference lists no resource type for ListFunctions, so it takes only "*". Checked at synth: with another statement on "*" this acknowledgement is not made.',
      });
    },
  }, { priority: AspectPriority.MUTATING });
}

/** The statements of the role's own policies (its inline policies and the policies under it) whose Resource holds "*". */
function wildcardStatements(role: iam.IRole): unknown[] {
  const stack = Stack.of(role);
  const documents: unknown[] = [];
  for (const node of role.node.findAll()) {
    if (iam.CfnPolicy.isCfnPolicy(node)) documents.push(renderDocument(stack, node.policyDocument));
    if (iam.CfnRole.isCfnRole(node)) {
      const inline = stack.resolve(node.policies) as { PolicyDocument?: unknown }[] | undefined;
      documents.push(...(inline ?? []).map((policy) => policy.PolicyDocument));
    }
  }
  return documents
    .flatMap((document) => ((document as { Statement?: unknown[] } | undefined)?.Statement ?? []))
    .filter((statement) => [(statement as { Resource?: unknown }).Resource].flat().includes('*'));
}

/**
 * An L2 policy's document as JSON without resolving it (resolving freezes and may merge its
 * statements, which is the synthesis' to do); any other through the stack.
 */
function renderDocument(stack: Stack, document: unknown): unknown {
  const json = (document as { toJSON?: () => unknown }).toJSON;
  return typeof json === 'function' ? json.call(document) : stack.resolve(document);
}
