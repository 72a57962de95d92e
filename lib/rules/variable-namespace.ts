import { allActions } from '../model/walk';
import { nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html */
export const variableNamespace = nameRule({
  id: 'variable-namespace',
  what: 'variable namespace',
  pattern: /^[A-Za-z0-9@_-]+$/,
  allowed: 'letters, digits, "@", "_" and "-" (no ".")',
  maxLength: 100,
  names: function* (pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      yield { value: action.namespace, stage, action, optional: true };
    }
  },
});
