import { Token } from 'aws-cdk-lib';
import { FAIL_ON_FLAGS, flagList, parseAcknowledgements } from '../review/step/review-parameters';
import { ReleaseStep } from './release-step';
import { StepLabel } from './step-checks';

/**
 * Checks a review step in its stage: it reviews a change set an earlier step of the stage creates,
 * before the step that executes it, in targets (the reviewer role is a target's), with known flags
 * and acknowledgements as the function reads them.
 */
export function validateReviewSteps(where: string, steps: readonly ReleaseStep[], labels: readonly StepLabel[]): void {
  for (const [index, step] of steps.entries()) {
    const spec = step.spec;
    if (spec.kind !== 'reviewChangeSet') continue;
    const { name, at } = labels[index];
    const createIndex = steps.indexOf(spec.deploy);
    if (createIndex < 0) {
      throw new Error(`${where}: ${name} reviews a change set of a step that is not in this stage (stack "${spec.deploy.stackName}"); put the ReleaseStep.createChangeSet(...) step it refers to earlier in the same stage.`);
    }
    const createName = labels[createIndex].name;
    if (spec.deploy.kind !== 'createChangeSet') {
      throw new Error(`${where}: ${name} reviews a change set, but ${createName} deploys its stack directly (ReleaseStep.deployStack) and makes none; review a ReleaseStep.createChangeSet(...) step.`);
    }
    if (createIndex > index) throw new Error(`${where}: ${name} reviews the change set of ${createName}, which comes after it; move ${name} after ${createName}.`);
    const executeIndex = steps.findIndex((s) => s.spec.kind === 'executeChangeSet' && s.spec.deploy === spec.deploy);
    if (executeIndex >= 0 && executeIndex < index) {
      throw new Error(`${where}: ${name} reviews the change set of ${createName} after ${labels[executeIndex].name} executed it, when there is nothing left to review; move ${name} before the approval.`);
    }
    const props = spec.deploy.stackProps;
    if (props.target === undefined && props.targets === undefined) {
      throw new Error(`${where}: ${name} reviews a change set in the pipeline account (${createName} has no target); the review reads change sets as a DeploymentTarget's reviewer role: give ${createName} a target, or remove the review step.`);
    }
    for (const flag of spec.props.failOn ?? []) {
      if (!(FAIL_ON_FLAGS as readonly string[]).includes(flag)) throw new Error(`${where}: ${at}failOn has "${String(flag)}"; a review step fails on ${flagList('and')}.`);
    }
    // A pipeline variable is resolved when the release runs; the function checks what it holds.
    const literal = (spec.props.acknowledge ?? []).filter((entry) => !Token.isUnresolved(entry) && !/#\{/.test(entry));
    try {
      parseAcknowledgements(literal);
    } catch (error) {
      throw new Error(`${where}: ${at}acknowledge: ${(error as Error).message}; write it so, or use a pipeline variable such as #{variables.Acknowledge}.`);
    }
  }
}
