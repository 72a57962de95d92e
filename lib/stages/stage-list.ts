import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IReleaseStage } from './release-stage';

/** The pipeline each stage object joined, by its construct path. */
const CLAIMED = new WeakMap<IReleaseStage, string>();

/**
 * Checks a ReleasePipeline's stage list in its constructor, before anything is built; `where` names
 * the pipeline. `reserved` maps the source's and build's stage names to what they are.
 */
export function validateStageList(pipeline: Construct, where: string, stages: readonly IReleaseStage[], reserved: ReadonlyMap<string, string>): void {
  if (stages.length === 0) {
    throw new Error(`${where}: stages is empty; add at least one release stage (e.g. a TestStackStage or ChangeSetStage).`);
  }
  for (const [index, stage] of stages.entries()) {
    const first = stages.indexOf(stage);
    if (first !== index) {
      throw new Error(`${where}: stages[${first}] and stages[${index}] are the same stage object ("${stage.stageName}"); a stage object is one stage of one pipeline: create one stage object per pipeline stage.`);
    }
    const owner = CLAIMED.get(stage);
    if (owner !== undefined) {
      throw new Error(`${where}: stages[${index}] ("${stage.stageName}") is already a stage of ReleasePipeline ${owner}; a stage object is one stage of one pipeline: create one stage object per pipeline stage.`);
    }
  }
  const names = new Map(reserved);
  for (const stage of stages) {
    const other = names.get(stage.stageName);
    if (other) {
      throw new Error(`${where}: stage name "${stage.stageName}" is used by both ${other} and a release stage; give each stage its own stageName.`);
    }
    names.set(stage.stageName, `release stage ${stage.stageName}`);
  }
  validateStackPlacements(Stack.of(pipeline), where, stages);
}

/** Marks the stages as joined to `pipeline`, once its checks passed. */
export function claimStages(pipeline: Construct, stages: readonly IReleaseStage[]): void {
  for (const stage of stages) CLAIMED.set(stage, pipeline.node.path);
}

interface PlacedStack {
  readonly stage: IReleaseStage;
  readonly stackName: string;
  readonly deletes: boolean;
  /** `account 222222222222, us-east-1`. */
  readonly placement: string;
}

/**
 * Two stages that use one stack in one account and region, where either deletes it: every release
 * would delete the stack the other deploys (CodePipeline and CloudFormation accept the pipeline).
 * Two stages that both keep the stack are allowed (e.g. two deploys with different parameters).
 */
function validateStackPlacements(pipelineStack: Stack, where: string, stages: readonly IReleaseStage[]): void {
  const byKey = new Map<string, PlacedStack>();
  for (const stage of stages) {
    for (const { stackName, deletes, target = stage.target } of stage.stacks ?? []) {
      if (Token.isUnresolved(stackName)) continue;
      const account = target?.account ?? pipelineStack.account;
      const region = target?.region ?? pipelineStack.region;
      const key = JSON.stringify([stackName, account, region]);
      const earlier = byKey.get(key);
      const placed: PlacedStack = { stage, stackName, deletes, placement: describePlacement(account, region) };
      if (earlier && (earlier.deletes || deletes)) throw new Error(`${where}: ${clashMessage(earlier, placed)}`);
      if (!earlier || deletes) byKey.set(key, placed);
    }
  }
}

/** `account 222222222222, us-east-1`; a token stands as the pipeline's account or region. */
function describePlacement(account: string, region: string): string {
  const accountText = Token.isUnresolved(account) ? 'the pipeline\'s account' : `account ${account}`;
  return `${accountText}, ${Token.isUnresolved(region) ? 'the pipeline\'s region' : region}`;
}

function clashMessage(earlier: PlacedStack, later: PlacedStack): string {
  const both = `stages "${earlier.stage.stageName}" and "${later.stage.stageName}" both deploy stack "${later.stackName}" to ${later.placement}`;
  if (earlier.deletes && later.deletes) {
    return `${both}, and both delete it after their approval: each would delete the test stack the other is testing. Give each test stack its own stackName.`;
  }
  const deleter = earlier.deletes ? earlier.stage : later.stage;
  const keeper = earlier.deletes ? later.stage : earlier.stage;
  return `${both}, and "${deleter.stageName}" deletes it after its approval: every release would delete the stack "${keeper.stageName}" deploys. Give the test stack of "${deleter.stageName}" its own stackName.`;
}
