import { isUnknown } from '../model/values';
import { allActions } from '../model/walk';
import { isCommandsAction } from './commands-action';
import { Rule, Sources } from './rule';

/**
 * Commands and output variables belong to the Commands action (the API model documents them for
 * "the compute action"); whether the service refuses them on other actions is not written, so a warning.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 */
export const commandsFields: Rule = {
  id: 'commands-fields',
  severity: 'warning',
  description: 'commands and outputVariables only on a Commands action',
  limit: 'Compute/AWS/Commands actions only',
  source: Sources.COMMANDS,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      // Most actions have neither field: nothing to report, whatever their type.
      if (action.commands === undefined && action.outputVariables === undefined) continue;
      const { category, owner, provider } = action.actionTypeId;
      // An action type only known at deploy time may be a Commands action.
      if (isCommandsAction(action) || [category, owner, provider].some(isUnknown)) continue;
      for (const field of ['commands', 'outputVariables'] as const) {
        if (action[field] !== undefined) {
          yield { stage, action, message: `${field} is set on an action that is not a Commands action (category Compute, provider Commands)`, fix: `remove ${field}, or make the action a Commands action.` };
        }
      }
    }
  },
};
