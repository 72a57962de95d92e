import { Rule, Sources } from './rule';
import { BUILT_IN_VARIABLES, declared, referencesBySite, resolve } from './variable-reference';

/**
 * What the user guide leaves open about a reference, as a warning: text that opens `#{` but is not of
 * the form `#{namespace.key}` (the service may leave it as it is), a built-in variable the guide does
 * not list, and a namespace that matches one only when case is ignored.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const variableReferenceFormat: Rule = {
  id: 'variable-reference-format',
  severity: 'warning',
  description: 'Variable references have the form #{namespace.key} and name a built-in variable the user guide lists',
  limit: `namespace and key of [A-Za-z0-9@_-]; codepipeline: ${BUILT_IN_VARIABLES.join(', ')}`,
  source: Sources.VARIABLES,
  *check(pipeline) {
    const names = declared(pipeline);
    for (const { site, references } of referencesBySite(pipeline)) {
      const where = { stage: site.stage, action: site.action };
      for (const reference of references) {
        if (reference.kind === 'malformed') {
          yield {
            ...where,
            message: `${site.what} holds "${reference.shown}", which is not a reference of the form #{namespace.key}: ${reference.problem}`,
            fix: 'write the reference as #{namespace.key} with a namespace and key of letters, digits, "@", "_" and "-", or remove the "#{".',
          };
          continue;
        }
        const resolution = resolve(reference, site, names);
        if (resolution.kind === 'unlisted-built-in') {
          yield {
            ...where,
            message: `${site.what} references ${reference.shown}; the user guide lists only ${BUILT_IN_VARIABLES.join(', ')} in the codepipeline namespace`,
            fix: 'use #{codepipeline.PipelineExecutionId}, or declare a pipeline variable and reference #{variables.name}.',
          };
        } else if (resolution.kind === 'case-differs') {
          yield {
            ...where,
            message: `${site.what} references ${reference.shown}; namespaces are case-sensitive, and the pipeline has "${resolution.namespace}"`,
            fix: `write the namespace as "${resolution.namespace}".`,
          };
        }
      }
    }
  },
};
