import { GetPipelineCommand } from '@aws-sdk/client-codepipeline';
import { PipelineInputError, pipelinesFromDocument } from '../model/load-file';
import { PipelineModel } from '../model/pipeline-model';
import { knownText } from '../model/values';
import { runOrderOf } from '../model/walk';
import { CloudFormationActionPlace, cloudFormationActions, stackPlacementOf } from '../rules/cloudformation-action';
import { CodePipelineApi } from './clients';
import { OperationFailed } from './target';

/** One action of the pipeline on a stack. */
export interface StackAction {
  readonly stage: string;
  readonly action: string;
  /** The CloudFormation ActionMode, as configured. */
  readonly mode?: string;
}

/** A stack the pipeline's CloudFormation actions deploy, where it lives, and what acts on it. */
export interface DeployedStack {
  readonly stackName: string;
  /** The action's role's account, else the pipeline's; absent when neither is known. */
  readonly account?: string;
  /** The action's Region, else the pipeline's. */
  readonly region?: string;
  /** In pipeline order. */
  readonly actions: StackAction[];
  /** The pipeline's last action on the stack deletes it (DELETE_ONLY): a finished run leaves none. */
  readonly deletedByPipeline: boolean;
}

export interface StacksReport {
  readonly pipeline: string;
  readonly account?: string;
  readonly region?: string;
  /** In the order to delete them: the reverse of the order the pipeline first deploys them. */
  readonly stacks: DeployedStack[];
}

/**
 * Reads the pipeline (GetPipeline) into the plain pipeline model and lists the stacks its
 * CloudFormation actions deploy, for tearing the pipeline's environments down.
 */
export async function listStacks(client: CodePipelineApi, pipeline: string): Promise<StacksReport> {
  const model = await readPipeline(client, pipeline);
  return { pipeline, account: model.context.account, region: model.context.region, stacks: stacksOf(model) };
}

/** The deployed pipeline's definition (GetPipeline) as the plain pipeline model. */
export async function readPipeline(client: CodePipelineApi, pipeline: string): Promise<PipelineModel> {
  return (await readDeployedPipeline(client, pipeline)).model;
}

/** The deployed pipeline's model and its ARN (GetPipeline's metadata), which names its partition. */
export async function readDeployedPipeline(client: CodePipelineApi, pipeline: string): Promise<{ model: PipelineModel; pipelineArn?: string }> {
  const result = await client.send(new GetPipelineCommand({ name: pipeline }));
  if (!result.pipeline) throw new OperationFailed(`pipeline "${pipeline}": GetPipeline returned no pipeline`);
  try {
    return { model: pipelinesFromDocument({ pipeline: result.pipeline, metadata: result.metadata })[0], pipelineArn: result.metadata?.pipelineArn };
  } catch (error) {
    if (error instanceof PipelineInputError) throw new OperationFailed(`pipeline "${pipeline}": GetPipeline's answer is not a pipeline: ${error.message}`);
    throw error;
  }
}

/** The stacks of a pipeline model, in the order to delete them. */
export function stacksOf(model: PipelineModel): DeployedStack[] {
  const byTarget = new Map<string, { stackName: string; account?: string; region?: string; actions: StackAction[] }>();
  for (const { stage, action } of inRunOrder(model)) {
    const { stackName, account, region } = stackPlacementOf(model, action);
    if (stackName === undefined) continue;
    const key = JSON.stringify([account, region, stackName]);
    const entry = byTarget.get(key) ?? { stackName, account, region, actions: [] };
    entry.actions.push({ stage: knownText(stage.name) ?? '?', action: knownText(action.name) ?? '?', mode: knownText(action.configuration.ActionMode) });
    byTarget.set(key, entry);
  }
  // A Map keeps the order of first deployment; the last stack deployed is the first to delete.
  return [...byTarget.values()].reverse().map((entry) => ({
    ...entry,
    deletedByPipeline: entry.actions[entry.actions.length - 1].mode === 'DELETE_ONLY',
  }));
}

/** The CloudFormation actions in the order they run: stage by stage, by runOrder within a stage. */
function inRunOrder(model: PipelineModel): CloudFormationActionPlace[] {
  const places = [...cloudFormationActions(model)];
  const stageIndex = new Map(model.stages.map((stage, index) => [stage, index]));
  return places
    .map((place, index) => ({ place, index }))
    .sort(
      (a, b) =>
        stageIndex.get(a.place.stage)! - stageIndex.get(b.place.stage)! ||
        (runOrderOf(a.place.action) ?? 1) - (runOrderOf(b.place.action) ?? 1) ||
        a.index - b.index,
    )
    .map(({ place }) => place);
}
