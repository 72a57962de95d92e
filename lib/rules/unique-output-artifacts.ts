import { known } from '../model/values';
import { allActions } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html */
export const uniqueOutputArtifacts: Rule = {
  id: 'unique-output-artifacts',
  severity: 'error',
  description: 'Output artifact names are unique in the pipeline',
  limit: 'unique',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    const producers = new Map<string, string>();
    for (const { stage, action } of allActions(pipeline)) {
      for (const artifact of action.outputArtifacts) {
        const name = known(artifact.name);
        if (name === undefined) continue;
        const first = producers.get(name);
        if (first !== undefined) {
          yield {
            stage,
            action,
            message: `output artifact "${name}" is also produced by ${first}`,
            fix: 'give each output artifact a name used once in the whole pipeline.',
          };
        } else {
          producers.set(name, `stage "${known(stage.name) ?? '?'}", action "${known(action.name) ?? '?'}"`);
        }
      }
    }
  },
};
