import { Token } from 'aws-cdk-lib';
import { validateApprovalProps } from './approval-props';
import { validateStackTemplateProps } from './deploy-stage';
import { validateCloudFormationName } from './names';
import { DeployStep, ReleaseStep } from './release-step';
import { DeployStackMode } from './release-step-props';
import { ENTITY_NAME } from '../rules/name-rule';
import { V2_LIMITS } from '../rules/v2-limits';

/** How a stage's messages name a step: `at` prefixes its props (`steps[0].`), `name` is the step in prose. */
export interface StepLabel {
  readonly at: string;
  readonly name: string;
}

/** The modes a deploy step (and TestStackStage) may create or update its stack with. */
export const DEPLOY_STACK_MODES: readonly DeployStackMode[] = ['REPLACE_ON_FAILURE', 'CREATE_UPDATE'];

/** The steps that are not ReleaseSteps, or a step given twice: refused before anything else. */
export function validateStepList(where: string, steps: readonly unknown[]): void {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new Error(`${where}: steps is empty; give at least one step, e.g. ReleaseStep.createChangeSet(...), ReleaseStep.approval(), ReleaseStep.executeChangeSet(...).`);
  }
  for (const [index, step] of steps.entries()) {
    if (!(step instanceof ReleaseStep)) {
      throw new Error(`${where}: steps[${index}] is not a ReleaseStep; make each step with a ReleaseStep factory, e.g. ReleaseStep.deployStack(...) or ReleaseStep.approval().`);
    }
    const first = steps.indexOf(step);
    if (first !== index) {
      throw new Error(`${where}: steps[${first}] and steps[${index}] are the same step object ("${step.actionName}"); a step is one action of a stage: create another step.`);
    }
  }
}

/** Checks one step's own props, in the stage's constructor. */
export function validateStepProps(where: string, step: ReleaseStep, label: StepLabel): void {
  const { at } = label;
  if (!Token.isUnresolved(step.actionName) && (!ENTITY_NAME.pattern.test(step.actionName) || step.actionName.length > ENTITY_NAME.maxLength)) {
    throw new Error(`${where}: ${at}actionName "${step.actionName}" is not a CodePipeline action name: use 1–${ENTITY_NAME.maxLength} of ${ENTITY_NAME.allowed}.`);
  }
  const spec = step.spec;
  switch (spec.kind) {
    case 'deployStack':
      validateStackTemplateProps(where, at, spec.props);
      if (spec.props.mode !== undefined && !DEPLOY_STACK_MODES.includes(spec.props.mode)) {
        throw new Error(`${where}: ${at}mode "${String(spec.props.mode)}" is not one of ${DEPLOY_STACK_MODES.join(', ')}.`);
      }
      return;
    case 'createChangeSet':
      validateStackTemplateProps(where, at, spec.props);
      validateCloudFormationName(spec.props.changeSetName, `${where}: ${at}changeSetName`);
      return;
    case 'approval':
      validateApprovalProps(spec.props, `${where}: ${at.replace(/\.$/, '')}`);
      return;
    case 'commands':
      validateCommands(`${where}: ${at}commands`, spec.props.commands);
      return;
    default:
      return;
  }
}

function validateCommands(where: string, commands: readonly string[]): void {
  const max = V2_LIMITS.maxCommands;
  if (!Array.isArray(commands) || commands.length === 0 || commands.length > max) {
    throw new Error(`${where} has ${Array.isArray(commands) ? commands.length : 'no'} commands; a Commands action runs 1–${max}: put longer scripts in a file of the input artifact and run that.`);
  }
  for (const [index, command] of commands.entries()) {
    if (Token.isUnresolved(command)) continue;
    if (command.length === 0 || command.length > V2_LIMITS.maxCommandLength) {
      throw new Error(`${where}[${index}] is ${command.length} characters; each command is 1–${V2_LIMITS.maxCommandLength} characters.`);
    }
    if (/[\r\n]/.test(command)) {
      throw new Error(`${where}[${index}] spans several lines, which the Commands action does not run; give each line as its own command.`);
    }
  }
}

/**
 * Checks that each execute or delete step finishes a deploy step of the right kind that comes
 * earlier in the same stage, and that no deploy step is finished twice.
 */
export function validateFinishSteps(where: string, steps: readonly ReleaseStep[], labels: readonly StepLabel[]): void {
  const finishedBy = new Map<DeployStep, number>();
  for (const [index, step] of steps.entries()) {
    const spec = step.spec;
    if (spec.kind !== 'executeChangeSet' && spec.kind !== 'deleteStack') continue;
    const name = labels[index].name;
    const what = spec.kind === 'executeChangeSet' ? 'executes the change set' : 'deletes the stack';
    const deployIndex = steps.indexOf(spec.deploy);
    if (deployIndex < 0) {
      const factory = spec.kind === 'executeChangeSet' ? 'ReleaseStep.createChangeSet(...)' : 'ReleaseStep.deployStack(...)';
      throw new Error(`${where}: ${name} ${what} of a step that is not in this stage (stack "${spec.deploy.stackName}"); a stage executes or deletes only what its own earlier steps made: put the ${factory} step it refers to earlier in the same stage.`);
    }
    const deployName = labels[deployIndex].name;
    if (spec.kind === 'executeChangeSet' && spec.deploy.kind !== 'createChangeSet') {
      throw new Error(`${where}: ${name} executes a change set, but ${deployName} deploys its stack directly (ReleaseStep.deployStack) and makes none; create the change set with ReleaseStep.createChangeSet(...) and execute that step.`);
    }
    if (spec.kind === 'deleteStack' && spec.deploy.kind !== 'deployStack') {
      throw new Error(`${where}: ${name} deletes the stack of ${deployName}, which creates a change set: that stack is the one the change set would change, not a throw-away test stack. Delete only a stack made by ReleaseStep.deployStack(...); execute a change set with ReleaseStep.executeChangeSet(...).`);
    }
    if (deployIndex > index) {
      throw new Error(`${where}: ${name} ${what} of ${deployName}, which comes after it; move ${name} after ${deployName}.`);
    }
    const earlier = finishedBy.get(spec.deploy);
    if (earlier !== undefined) {
      throw new Error(`${where}: ${labels[earlier].name} and ${name} both finish ${deployName}; a change set is executed, or a stack deleted, once: remove one of them.`);
    }
    finishedBy.set(spec.deploy, index);
  }
}

/** Refuses two actions of one name in the stage; `names[i]` are step i's action names (one per target). */
export function validateActionNames(where: string, names: readonly (readonly string[])[], labels: readonly StepLabel[]): void {
  const seen = new Map<string, number>();
  for (const [index, stepNames] of names.entries()) {
    for (const name of stepNames) {
      if (Token.isUnresolved(name)) continue;
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new Error(`${where}: ${labels[earlier].name} and ${labels[index].name} both make an action named "${name}"; action names are unique in a stage: give one of them another actionName.`);
      }
      seen.set(name, index);
    }
  }
}
