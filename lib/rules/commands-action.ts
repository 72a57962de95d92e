import { ActionModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { allActions, partKnown, providerOf } from '../model/walk';
import { Rule, Sources, Violation } from './rule';

const MAX_COMMANDS = 50;
const MAX_COMMAND = 1000;
const MAX_OUTPUT_VARIABLES = 15;
const MAX_OUTPUT_VARIABLE = 128;
const MAX_ENVIRONMENT_VARIABLES = 10;
const MAX_ENVIRONMENT_NAME = 128;
const MAX_ENVIRONMENT_VALUE = 2000;
const ENVIRONMENT_NAME = /^[A-Za-z0-9_]+$/;

type Problem = Omit<Violation, 'stage' | 'action'>;

/** A Commands action: category Compute, owner AWS, provider Commands. */
export function isCommandsAction(action: ActionModel): boolean {
  return known(action.actionTypeId.category) === 'Compute' && known(action.actionTypeId.owner) === 'AWS' && providerOf(action) === 'commands';
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * An action's commands, output variables and environment variables as the API model types them, and
 * the commands a Commands action requires.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 */
export const commandsAction: Rule = {
  id: 'commands-action',
  severity: 'error',
  description: 'Action commands, output variables and environment variables; a Commands action has commands',
  limit: `1–${MAX_COMMANDS} commands of 1–${MAX_COMMAND}; 1–${MAX_OUTPUT_VARIABLES} output variables of 1–${MAX_OUTPUT_VARIABLE}; 1–${MAX_ENVIRONMENT_VARIABLES} environment variables, name 1–${MAX_ENVIRONMENT_NAME} of [A-Za-z0-9_], value 1–${MAX_ENVIRONMENT_VALUE}`,
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, stageIndex, action, actionIndex } of allActions(pipeline)) {
      const path = `stages[${stageIndex}].actions[${actionIndex}]`;
      const isKnown = (part: string) => partKnown(pipeline, `${path}.${part}`);
      for (const problem of problems(action, isKnown)) yield { stage, action, ...problem };
    }
  },
};

function* problems(action: ActionModel, partIsKnown: (part: string) => boolean): Generator<Problem> {
  const { commands, outputVariables, environmentVariables } = action;
  if (commands === undefined) {
    if (isCommandsAction(action) && partIsKnown('commands')) {
      yield { message: 'a Commands action has no commands', fix: `give it the shell commands to run (1–${MAX_COMMANDS}).`, source: Sources.COMMANDS };
    }
  } else {
    if ((commands.length === 0 || commands.length > MAX_COMMANDS) && partIsKnown('commands')) {
      yield { message: `the action has ${plural(commands.length, 'command')}; it takes 1–${MAX_COMMANDS}`, fix: commands.length === 0 ? 'add the commands to run, or remove commands.' : 'join commands with && or move them into a script in an input artifact.' };
    }
    for (const [i, command] of commands.entries()) {
      if (typeof command === 'string' && (command.length === 0 || command.length > MAX_COMMAND)) {
        yield { message: `command ${i + 1} is ${command.length} characters; a command takes 1–${MAX_COMMAND}`, fix: command.length === 0 ? 'remove the empty command.' : 'move the command into a script in an input artifact and run the script.' };
      }
    }
  }
  if (outputVariables !== undefined) {
    if ((outputVariables.length === 0 || outputVariables.length > MAX_OUTPUT_VARIABLES) && partIsKnown('outputVariables')) {
      yield { message: `the action exports ${plural(outputVariables.length, 'output variable')}; it takes 1–${MAX_OUTPUT_VARIABLES}`, fix: outputVariables.length === 0 ? 'remove outputVariables, or name the variables to export.' : `export at most ${MAX_OUTPUT_VARIABLES} variables.` };
    }
    for (const name of outputVariables) {
      if (typeof name === 'string' && (name.length === 0 || name.length > MAX_OUTPUT_VARIABLE)) {
        yield { message: `output variable name "${name}" is ${name.length} characters; names take 1–${MAX_OUTPUT_VARIABLE}`, fix: name.length === 0 ? 'remove the empty name.' : `use a name of at most ${MAX_OUTPUT_VARIABLE} characters.` };
      }
    }
  }
  if (environmentVariables !== undefined) {
    if ((environmentVariables.length === 0 || environmentVariables.length > MAX_ENVIRONMENT_VARIABLES) && partIsKnown('environmentVariables')) {
      yield { message: `the action has ${plural(environmentVariables.length, 'environment variable')}; it takes 1–${MAX_ENVIRONMENT_VARIABLES}`, fix: environmentVariables.length === 0 ? 'remove environmentVariables, or add the variables.' : 'pass the other values in a file of an input artifact.' };
    }
    for (const { name, value } of environmentVariables) {
      if (typeof name === 'string' && (name.length === 0 || name.length > MAX_ENVIRONMENT_NAME || !ENVIRONMENT_NAME.test(name))) {
        yield { message: `environment variable name "${name}" is not 1–${MAX_ENVIRONMENT_NAME} letters, digits and "_"`, fix: 'name it with letters, digits and "_" only, e.g. DEPLOY_ENV.' };
      }
      if (typeof value === 'string' && (value.length === 0 || value.length > MAX_ENVIRONMENT_VALUE)) {
        const which = typeof name === 'string' ? `environment variable "${name}"` : 'an environment variable';
        yield { message: `the value of ${which} is ${value.length} characters; values take 1–${MAX_ENVIRONMENT_VALUE}`, fix: value.length === 0 ? 'give the variable a value, or remove it.' : 'pass the value in a file of an input artifact.' };
      }
    }
  }
}
