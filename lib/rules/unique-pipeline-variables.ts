import { known } from '../model/values';
import { Rule, Sources } from './rule';
import { hasVariables } from './rule-scope';

/**
 * Pipeline variable names are unique. The API reference states no such limit, but an action reads a
 * variable by its name (`#{variables.name}`), so a second declaration of a name is at best ignored.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const uniquePipelineVariables: Rule = {
  id: 'unique-pipeline-variables',
  severity: 'warning',
  description: 'Pipeline variable names are unique',
  limit: 'unique',
  source: Sources.VARIABLES,
  appliesTo: hasVariables,
  *check(pipeline) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const variable of pipeline.variables ?? []) {
      const name = known(variable.name);
      if (typeof name !== 'string') continue;
      if (!seen.has(name)) {
        seen.add(name);
      } else if (!reported.has(name)) {
        reported.add(name);
        yield {
          message: `pipeline variable "${name}" is declared more than once; #{variables.${name}} names one value`,
          fix: `remove the extra declarations of "${name}", or rename them.`,
        };
      }
    }
  },
};
