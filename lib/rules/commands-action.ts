import { ActionModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { allActions, partKnown, providerOf } from '../model/walk';
import { Rule, Sources, Violation } from './rule';
import { V2_LIMITS } from './v2-limits';


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
  limit: `1–${V2_LIMITS.maxCommands} commands of 1–${V2_LIMITS.maxCommandLength}; 1–${V2_LIMITS.maxOutputVariables} output variables of 1–${V2_LIMITS.maxOutputVariableLength}; 1–${V2_LIMITS.maxEnvironmentVariables} environment variables, name 1–${V2_LIMITS.environmentVariableName.maxLength} of [A-Za-z0-9_], value 1–${V2_LIMITS.maxEnvironmentVariableValueLength}`,
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, stageIndex, action, actionIndex } of allActions(pipeline)) {
      // Most actions have none of these fields and are not Commands actions: nothing to check, so no
      // path or closure is built for them.
      if (action.commands === undefined && action.outputVariables === undefined && action.environmentVariables === undefined
        && !isCommandsAction(action)) continue;
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
      yield { message: 'a Commands action has no commands', fix: `give it the shell commands to run (1–${V2_LIMITS.maxCommands}).`, source: Sources.COMMANDS };
    }
  } else {
    if ((commands.length === 0 || commands.length > V2_LIMITS.maxCommands) && partIsKnown('commands')) {
      yield { message: `the action has ${plural(commands.length, 'command')}; it takes 1–${V2_LIMITS.maxCommands}`, fix: commands.length === 0 ? 'add the commands to run, or remove commands.' : 'join commands with && or move them into a script in an input artifact.' };
    }
    for (const [i, command] of commands.entries()) {
      if (typeof command === 'string' && (command.length === 0 || command.length > V2_LIMITS.maxCommandLength)) {
        yield { message: `command ${i + 1} is ${command.length} characters; a command takes 1–${V2_LIMITS.maxCommandLength}`, fix: command.length === 0 ? 'remove the empty command.' : 'move the command into a script in an input artifact and run the script.' };
      }
    }
  }
  if (outputVariables !== undefined) {
    if ((outputVariables.length === 0 || outputVariables.length > V2_LIMITS.maxOutputVariables) && partIsKnown('outputVariables')) {
      yield { message: `the action exports ${plural(outputVariables.length, 'output variable')}; it takes 1–${V2_LIMITS.maxOutputVariables}`, fix: outputVariables.length === 0 ? 'remove outputVariables, or name the variables to export.' : `export at most ${V2_LIMITS.maxOutputVariables} variables.` };
    }
    for (const name of outputVariables) {
      if (typeof name === 'string' && (name.length === 0 || name.length > V2_LIMITS.maxOutputVariableLength)) {
        yield { message: `output variable name "${name}" is ${name.length} characters; names take 1–${V2_LIMITS.maxOutputVariableLength}`, fix: name.length === 0 ? 'remove the empty name.' : `use a name of at most ${V2_LIMITS.maxOutputVariableLength} characters.` };
      }
    }
  }
  if (environmentVariables !== undefined) {
    if ((environmentVariables.length === 0 || environmentVariables.length > V2_LIMITS.maxEnvironmentVariables) && partIsKnown('environmentVariables')) {
      yield { message: `the action has ${plural(environmentVariables.length, 'environment variable')}; it takes 1–${V2_LIMITS.maxEnvironmentVariables}`, fix: environmentVariables.length === 0 ? 'remove environmentVariables, or add the variables.' : 'pass the other values in a file of an input artifact.' };
    }
    for (const { name, value } of environmentVariables) {
      if (typeof name === 'string' && (name.length === 0 || name.length > V2_LIMITS.environmentVariableName.maxLength || !V2_LIMITS.environmentVariableName.pattern.test(name))) {
        yield { message: `environment variable name "${name}" is not 1–${V2_LIMITS.environmentVariableName.maxLength} letters, digits and "_"`, fix: 'name it with letters, digits and "_" only, e.g. DEPLOY_ENV.' };
      }
      if (typeof value === 'string' && (value.length === 0 || value.length > V2_LIMITS.maxEnvironmentVariableValueLength)) {
        const which = typeof name === 'string' ? `environment variable "${name}"` : 'an environment variable';
        yield { message: `the value of ${which} is ${value.length} characters; values take 1–${V2_LIMITS.maxEnvironmentVariableValueLength}`, fix: value.length === 0 ? 'give the variable a value, or remove it.' : 'pass the value in a file of an input artifact.' };
      }
    }
  }
}
