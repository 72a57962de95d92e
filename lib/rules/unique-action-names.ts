import { known } from '../model/values';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html */
export const uniqueActionNames: Rule = {
  id: 'unique-action-names',
  severity: 'error',
  description: 'Action names are unique in their stage',
  limit: 'unique',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    for (const stage of pipeline.stages) {
      const seen = new Set<string>();
      for (const action of stage.actions) {
        const name = known(action.name);
        if (name === undefined) continue;
        if (seen.has(name)) {
          yield { stage, action, message: `action name "${name}" is used more than once in the stage`, fix: 'give each action of a stage its own name.' };
        }
        seen.add(name);
      }
    }
  },
};
