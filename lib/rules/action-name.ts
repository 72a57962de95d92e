import { allActions } from '../model/walk';
import { nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html */
export const actionName = nameRule({
  id: 'action-name',
  what: 'action name',
  pattern: /^[A-Za-z0-9.@_-]+$/,
  allowed: 'letters, digits, ".", "@", "_" and "-"',
  maxLength: 100,
  names: function* (pipeline) {
    for (const { stage, action } of allActions(pipeline)) yield { value: action.name, stage, action };
  },
});
