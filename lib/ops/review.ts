import { GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';
import { knownText } from '../model/values';
import { PipelineModel } from '../model/pipeline-model';
import { cloudFormationActions, stackPlacementOf } from '../rules/cloudformation-action';
import { NOT_FOUND } from '../review/change-set-status';
import { reviewChangeSet } from '../review/classify';
import { describeWholeChangeSet } from '../review/describe-change-set';
import { ApprovalCommands, StageChangeSet, StageReviewReport, summaryLine } from '../review/render-review';
import { describeAwsError, describeConfigurationError } from './aws-errors';
import { CodePipelineApi } from './clients';
import { pendingApprovals } from './pipeline-status';
import { HintOptions, pipectlHint } from './pipectl-hint';
import { AccountAccess, PipelineHome, ReviewAccessOptions, accessFor, partitionOf } from './review-access';
import { CloudFormationFactory } from './review-clients';
import { readDeployedPipeline } from './stacks';
import { OperationFailed, OperationTarget } from './target';

/** The summary names this many data-loss changes and counts the rest, so that it stays one line. */
const NAMED_DATA_LOSS = 3;

/** The modes whose actions name a change set. */
const CHANGE_SET_MODES = new Set(['CHANGE_SET_REPLACE', 'CHANGE_SET_EXECUTE']);

/** A change set the stage acts on, from the pipeline's definition. */
export interface ChangeSetPlace {
  readonly stackName: string;
  readonly changeSetName: string;
  readonly account?: string;
  readonly region?: string;
  readonly actions: string[];
}

export interface ReviewRequest extends ReviewAccessOptions {
  readonly pipeline: string;
  readonly stage: string;
  /** Repeated by the printed approve and reject commands. */
  readonly hint?: HintOptions;
}

export interface ReviewClients {
  readonly codepipeline: CodePipelineApi;
  readonly cloudFormation: CloudFormationFactory;
}

/**
 * Reviews the change sets of one stage: reads the pipeline's definition (GetPipeline) for the stage's
 * CHANGE_SET_REPLACE and CHANGE_SET_EXECUTE actions, checks that every account can be read before
 * reading any, reads each change set whole (DescribeChangeSet, page by page) in its account and
 * Region, and the stage's pending approvals (GetPipelineState).
 */
export async function reviewStage(clients: ReviewClients, request: ReviewRequest): Promise<StageReviewReport> {
  const target: OperationTarget = { pipeline: request.pipeline, stage: request.stage };
  const { model, pipelineArn } = await readDeployedPipeline(clients.codepipeline, request.pipeline);
  const places = changeSetsOfStage(model, request.pipeline, request.stage);
  const home: PipelineHome = { account: model.context.account, region: model.context.region, partition: partitionOf(pipelineArn, knownText(model.roleArn)) };
  const accesses = places.map((place) => accessFor(place, home, request, describePlace(place)));
  const [changeSets, state] = await Promise.all([
    Promise.all(places.map((place, i) => readChangeSet(clients.cloudFormation, accesses[i], place, target))),
    clients.codepipeline.send(new GetPipelineStateCommand({ name: request.pipeline })),
  ]);
  const approvals: ApprovalCommands[] = pendingApprovals(state.stageStates ?? [])
    .filter((a) => a.stage === request.stage)
    .map((a) => ({
      action: a.action,
      approve: pipectlHint(['approve'], [request.pipeline, a.stage, a.action], request.hint),
      reject: pipectlHint(['reject'], [request.pipeline, a.stage, a.action], request.hint),
    }));
  return { pipeline: request.pipeline, stage: request.stage, summary: summaryLine(changeSets, { namedDataLoss: NAMED_DATA_LOSS }), changeSets, pendingApprovals: approvals };
}

/**
 * The change sets the stage's actions name, once each (a create and an execute action name the same
 * one), in the order the stage declares them.
 */
export function changeSetsOfStage(model: PipelineModel, pipeline: string, stage: string): ChangeSetPlace[] {
  const stageModel = model.stages.find((s) => knownText(s.name) === stage);
  if (!stageModel) {
    const names = model.stages.map((s) => knownText(s.name) ?? '?').join(', ');
    throw new OperationFailed(`stage "${stage}" not found in pipeline "${pipeline}" (stages: ${names || 'none'})`);
  }
  const byKey = new Map<string, ChangeSetPlace>();
  for (const { stage: s, action, mode } of cloudFormationActions(model)) {
    if (s !== stageModel || mode === undefined || !CHANGE_SET_MODES.has(mode)) continue;
    const actionName = knownText(action.name) ?? '?';
    const { stackName, account, region } = stackPlacementOf(model, action);
    const changeSetName = knownText(action.configuration.ChangeSetName);
    if (stackName === undefined || changeSetName === undefined) {
      throw new OperationFailed(`action "${actionName}" in stage "${stage}" of pipeline "${pipeline}" (${mode}) has no literal StackName and ChangeSetName: nothing to read`);
    }
    const key = JSON.stringify([account, region, stackName, changeSetName]);
    const place = byKey.get(key) ?? { stackName, changeSetName, account, region, actions: [] };
    place.actions.push(actionName);
    byKey.set(key, place);
  }
  if (byKey.size === 0) {
    throw new OperationFailed(`stage "${stage}" of pipeline "${pipeline}" has no CloudFormation CHANGE_SET_REPLACE or CHANGE_SET_EXECUTE action: it has no change set to review`);
  }
  return [...byKey.values()];
}

async function readChangeSet(factory: CloudFormationFactory, access: AccountAccess, place: ChangeSetPlace, target: OperationTarget): Promise<StageChangeSet> {
  const what = describePlace(place);
  try {
    const client = await factory(access, place.region);
    const { changeSet, calls } = await describeWholeChangeSet(client, place.stackName, place.changeSetName);
    const review = changeSet === undefined ? reviewChangeSet({ StackName: place.stackName, ChangeSetName: place.changeSetName }, NOT_FOUND) : reviewChangeSet(changeSet);
    return { ...place, review, calls };
  } catch (error) {
    if (error instanceof OperationFailed || describeConfigurationError(error) !== undefined) throw error;
    const message = describeAwsError(error, target);
    if (message === undefined) throw error;
    const how = access.kind === 'role' ? ` as ${access.roleArn}` : access.kind === 'profile' ? ` with profile ${access.profile}` : '';
    throw new OperationFailed(`${message} (reading ${what}${how})`);
  }
}

function describePlace(place: ChangeSetPlace): string {
  const where = [place.account && `account ${place.account}`, place.region].filter(Boolean).join(', ');
  return `change set "${place.changeSetName}" of stack "${place.stackName}"${where ? ` (${where})` : ''}`;
}
