import { known } from '../model/values';
import { allActions } from '../model/walk';
import { Rule, Sources } from './rule';

/** The namespaces the service keeps for itself: built-in variables and pipeline-level variables. */
export const RESERVED_NAMESPACES = ['codepipeline', 'variables'];

/**
 * `#{codepipeline.…}` and `#{variables.…}` are the service's own namespaces. The guide calls the first
 * reserved but does not say that an action may not take either, so a warning: a reference to such a
 * namespace would be ambiguous.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const reservedNamespace: Rule = {
  id: 'reserved-namespace',
  severity: 'warning',
  description: 'No action namespace named like the service\'s own namespaces',
  limit: RESERVED_NAMESPACES.join(', '),
  source: Sources.VARIABLES,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      const namespace = known(action.namespace);
      if (typeof namespace === 'string' && RESERVED_NAMESPACES.includes(namespace)) {
        yield { stage, action, message: `namespace "${namespace}" is the service's own (${namespace === 'codepipeline' ? 'built-in execution variables' : 'pipeline-level variables'})`, fix: 'choose another namespace, e.g. the action\'s name followed by "Variables".' };
      }
    }
  },
};
