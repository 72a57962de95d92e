import { known } from '../model/values';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html */
export const uniqueStageNames: Rule = {
  id: 'unique-stage-names',
  severity: 'error',
  description: 'Stage names are unique in the pipeline',
  limit: 'unique',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    const seen = new Set<string>();
    for (const stage of pipeline.stages) {
      const name = known(stage.name);
      if (name === undefined) continue;
      if (seen.has(name)) {
        yield { stage, message: `stage name "${name}" is used more than once in the pipeline`, fix: 'give each stage its own name.' };
      }
      seen.add(name);
    }
  },
};
