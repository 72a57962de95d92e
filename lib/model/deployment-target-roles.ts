import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { RoleFacts } from './pipeline-model';

/**
 * The roles of every deployment target in the app of `scope`, by role ARN, with the region each acts
 * in: a target's action and execution roles are scoped to its own region's stacks, bucket and key.
 *
 * A target is found by its shape, not its class (an app may load two copies of this library): a stack
 * with `identity`, and `actionRole` and `executionRole` whose ARNs are literals. The walk visits the
 * constructs outside stacks (the app, its stages and groups) and the stacks themselves, but not the
 * resources inside a stack, where no target can be: a stack is one of a handful of the app's children,
 * its resources are the thousands.
 */
export function deploymentTargetRoles(scope: IConstruct): Record<string, RoleFacts> | undefined {
  let roles: Record<string, RoleFacts> | undefined;
  const pending: IConstruct[] = [scope.node.root];
  while (pending.length > 0) {
    const construct = pending.pop()!;
    const isStack = Stack.isStack(construct);
    if (isStack) {
      for (const [roleArn, region] of targetRoles(construct)) {
        roles ??= Object.create(null) as Record<string, RoleFacts>;
        const known = roles[roleArn];
        if (known === undefined) roles[roleArn] = { regions: [region], definedBy: construct.node.path };
        else if (!known.regions.includes(region)) roles[roleArn] = { ...known, regions: [...known.regions, region] };
      }
    }
    for (const child of construct.node.children) {
      if (!isStack || Stack.isStack(child)) pending.push(child);
    }
  }
  return roles;
}

/** The literal role ARNs of a stack shaped like a deployment target, each with the stack's region. */
function targetRoles(stack: Stack): Array<[string, string]> {
  const target = stack as unknown as { identity?: unknown; actionRole?: { roleArn?: unknown }; executionRole?: { roleArn?: unknown } };
  if (target.identity === undefined || target.actionRole === undefined) return [];
  if (Token.isUnresolved(stack.region)) return [];
  const roles: Array<[string, string]> = [];
  for (const role of [target.actionRole, target.executionRole]) {
    const arn = role?.roleArn;
    if (typeof arn === 'string' && !Token.isUnresolved(arn)) roles.push([arn, stack.region]);
  }
  return roles;
}
