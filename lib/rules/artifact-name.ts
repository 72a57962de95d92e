import { allActions } from '../model/walk';
import { nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html */
export const artifactName = nameRule({
  id: 'artifact-name',
  what: 'artifact name',
  pattern: /^[A-Za-z0-9_-]+$/,
  allowed: 'letters, digits, "_" and "-" (no "." or "@")',
  maxLength: 100,
  names: function* (pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      for (const artifact of [...action.inputArtifacts, ...action.outputArtifacts]) {
        yield { value: artifact.name, stage, action };
      }
    }
  },
});
