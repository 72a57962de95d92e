import { allActions } from '../model/walk';
import { ENTITY_NAME, nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html */
export const actionName = nameRule({
  id: 'action-name',
  what: 'action name',
  ...ENTITY_NAME,
  names: function* (pipeline) {
    for (const { stage, action } of allActions(pipeline)) yield { value: action.name, stage, action };
  },
});
