import { known } from '../model/values';
import { Rule, Sources } from './rule';
import { Reference, ReferenceSite, Resolution, declared, referencesBySite, resolve } from './variable-reference';

/** How many declared variables a message lists. */
const LISTED = 5;

/**
 * A `#{namespace.key}` reference names `codepipeline`, `variables` with a declared pipeline variable,
 * or the namespace of an action that finishes before the reader starts: an earlier stage, or the same
 * stage with a lower runOrder. Otherwise the service cannot resolve it.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const variableReferences: Rule = {
  id: 'variable-references',
  severity: 'error',
  description: 'Variable references name codepipeline, a declared pipeline variable, or the namespace of an action that finishes earlier',
  limit: 'earlier stage, or same stage with lower runOrder',
  source: Sources.VARIABLES,
  *check(pipeline) {
    const names = declared(pipeline);
    for (const { site, references } of referencesBySite(pipeline)) {
      for (const reference of references) {
        if (reference.kind !== 'reference') continue;
        const problem = describe(reference, site, resolve(reference, site, names));
        if (problem) yield { stage: site.stage, action: site.action, ...problem };
      }
    }
  },
};

function describe(reference: Reference, site: ReferenceSite, resolution: Resolution): { message: string; fix: string } | undefined {
  const { shown, namespace, key } = reference;
  const prefix = `${site.what} references ${shown}`;
  switch (resolution.kind) {
    case 'undeclared-variable':
      return {
        message: `${prefix}, but the pipeline declares no variable "${key}" (${declaredList(resolution.declared)})`,
        fix: `declare "${key}" in the pipeline's variables, or reference a declared one.`,
      };
    case 'unknown-namespace':
      return {
        message: `${prefix}, but no action has the namespace "${namespace}"`,
        fix: `set namespace "${namespace}" on the action that produces the variable, or reference codepipeline, variables or the namespace of an action that runs earlier.`,
      };
    case 'own-namespace':
      return {
        message: `${prefix}, the action's own namespace; its variables exist only once it has run`,
        fix: 'reference a variable of an action that runs earlier.',
      };
    case 'not-earlier': {
      const owner = `stage "${known(resolution.owner.stage.name)}", action "${known(resolution.owner.action.name)}"`;
      return {
        message: `${prefix}: namespace "${namespace}" is ${owner}, which ${resolution.problem}`,
        fix: `move action "${known(resolution.owner.action.name)}" to an earlier stage${site.timing.kind === 'action' ? ', or give it a lower runOrder in this stage' : ''}, or reference a variable produced earlier.`,
      };
    }
    default:
      // Resolved, open, and the warnings of variable-reference-format.
      return undefined;
  }
}

function declaredList(names: readonly string[]): string {
  if (names.length === 0) return 'it declares none';
  const listed = names.slice(0, LISTED).join(', ');
  return `declared: ${listed}${names.length > LISTED ? `, and ${names.length - LISTED} more` : ''}`;
}
