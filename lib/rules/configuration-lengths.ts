import { isUnknown } from '../model/values';
import { allActions, isCloudFormationAction } from '../model/walk';
import { Rule, Sources } from './rule';

const MAX_KEY = 50;
const MAX_VALUE = 1000;

/**
 * A CloudFormation action's keys whose own rule reports every value over 1000 characters, more
 * precisely: ParameterOverrides (cfn-parameter-overrides names the largest parameters), StackName
 * (cfn-stack-name: at most 128) and ActionMode (cfn-action-mode: one of five modes).
 */
const LONG_VALUES_OWNED = new Set(['ParameterOverrides', 'StackName', 'ActionMode']);

/**
 * Every configuration key and value has the length the API takes. An over-long value of a
 * CloudFormation key whose own rule reports it (LONG_VALUES_OWNED) is left to that rule: one finding
 * per mistake. An empty value is this rule's alone: the other rules skip it.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const configurationLengths: Rule = {
  id: 'configuration-lengths',
  severity: 'error',
  description: 'Action configuration keys and values: lengths, values as text',
  limit: `key 1–${MAX_KEY}, value 1–${MAX_VALUE} characters`,
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      for (const key of action.nonTextConfiguration ?? []) {
        yield {
          stage,
          action,
          message: `configuration value ${key} is a JSON object or list; the API takes text`,
          fix: key === 'ParameterOverrides' ? 'write ParameterOverrides as a string (for ParameterOverrides, the JSON object as a string).' : `write ${key} as a string.`,
        };
      }
      for (const [key, value] of Object.entries(action.configuration)) {
        if (key.length === 0 || key.length > MAX_KEY) {
          yield { stage, action, message: `configuration key "${key}" is ${key.length} characters; keys take 1–${MAX_KEY}`, fix: 'use the configuration key the action type defines.' };
        }
        if (value === undefined || isUnknown(value)) continue;
        const text = typeof value === 'string' ? value : String(value);
        // Whether the action is a CloudFormation one matters only for an over-long value: asked then.
        if (text.length > MAX_VALUE && LONG_VALUES_OWNED.has(key) && isCloudFormationAction(action)) continue;
        if (text.length === 0 || text.length > MAX_VALUE) {
          yield {
            stage,
            action,
            message: `configuration value ${key} is ${text.length} characters; values take 1–${MAX_VALUE}`,
            fix: text.length === 0 ? `remove ${key} or give it a value.` : `shorten ${key} to ${MAX_VALUE} characters or fewer.`,
          };
        }
      }
    }
  },
};
