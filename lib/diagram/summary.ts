import { ActionModel, ArtifactStoreModel, PipelineModel } from '../model/pipeline-model';
import { forTerminal } from '../output';
import { artifactNames, isApprovalGate, kindOf, roleNameOf, runOrderText, targetOf, textOf, touchesOf } from './describe';
import { pipelineTitle } from './layout';

/**
 * A compact text of a pipeline for snapshot tests and code review: stages, actions in run order,
 * artifacts, target accounts and roles, every configuration value — and no hashes or generated
 * logical-ID suffixes, so that a diff shows only changes to the release process itself.
 *
 *     Pipeline Release (role: PipelineRole, artifact store: S3 Ref(ArtifactsBucket) (KMS GetAtt(ArtifactsKey.Arn)))
 *       Stage Source
 *         1 Source  S3  -> out: SourceOutput
 *             S3Bucket=Ref(SourceBucket)
 *             S3ObjectKey=source.zip
 */
export function summarizePipeline(pipeline: PipelineModel): string {
  const lines = [`Pipeline ${pipelineTitle(pipeline)} (${pipelineFacts(pipeline).join(', ')})`];
  if (pipeline.unresolvedParts?.length) lines.push(`  only known at deploy time: ${pipeline.unresolvedParts.join(', ')}`);
  for (const stage of pipeline.stages) {
    lines.push(`  Stage ${textOf(stage.name) ?? '?'}`);
    for (const action of inRunOrder(stage.actions)) {
      lines.push(`    ${actionHeadline(action)}`);
      for (const detail of actionDetails(action)) lines.push(`        ${detail}`);
    }
  }
  // Each entry is one line by construction: a line break (or any control character) in it came from a
  // value, and is shown as a visible escape, so a name cannot forge a line of the summary.
  return lines.map(forTerminal).join('\n') + '\n';
}

function pipelineFacts(pipeline: PipelineModel): string[] {
  const facts: string[] = [];
  if (pipeline.pipelineType !== undefined) facts.push(`type: ${textOf(pipeline.pipelineType)}`);
  facts.push(`role: ${roleNameOf(pipeline.roleArn) ?? 'none'}`);
  if (pipeline.artifactStore) facts.push(`artifact store: ${storeText(pipeline.artifactStore)}`);
  for (const [region, store] of Object.entries(pipeline.artifactStores ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    facts.push(`artifact store ${region}: ${storeText(store)}`);
  }
  return facts;
}

function storeText(store: ArtifactStoreModel): string {
  const key = store.encryptionKey ? ` (${textOf(store.encryptionKey.type) ?? 'KMS'} ${textOf(store.encryptionKey.id)})` : '';
  return `${textOf(store.type) ?? '?'} ${textOf(store.location) ?? '?'}${key}`;
}

/** Actions sorted by run order (stable: declaration order within one run order). */
function inRunOrder(actions: readonly ActionModel[]): ActionModel[] {
  const order = (a: ActionModel) => {
    const n = Number(runOrderText(a));
    return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
  };
  return [...actions].sort((a, b) => order(a) - order(b));
}

function actionHeadline(action: ActionModel): string {
  const parts = [kindOf(action)];
  const touches = touchesOf(action);
  if (touches !== undefined) parts.push(touches);
  const target = targetOf(action);
  if (!isApprovalGate(action) && target !== 'pipeline account') parts.push(`@ ${target}`);
  let headline = `${runOrderText(action)} ${textOf(action.name) ?? '?'}  ${parts.join(' ')}`;
  const inputs = artifactNames(action.inputArtifacts);
  const outputs = artifactNames(action.outputArtifacts);
  if (inputs.length > 0) headline += `  in: ${inputs.join(', ')}`;
  if (outputs.length > 0) headline += `  -> out: ${outputs.join(', ')}`;
  return headline;
}

/** Configuration keys the headline already shows: the stack, the change set and the CloudFormation mode. */
function inHeadline(action: ActionModel, key: string): boolean {
  if (key === 'StackName' || key === 'ChangeSetName') return true;
  return key === 'ActionMode' && textOf(action.actionTypeId.provider) === 'CloudFormation';
}

/** Configuration keys whose values are credentials: shown masked, never in a snapshot. */
const SECRET_KEY = /token|secret|password/i;

function actionDetails(action: ActionModel): string[] {
  const details: string[] = [];
  if (action.roleArn !== undefined) details.push(`role: ${roleNameOf(action.roleArn)}`);
  // One configuration value a line: a change to one value is then a one-line diff.
  for (const key of Object.keys(action.configuration).filter((k) => !inHeadline(action, k)).sort()) {
    details.push(`${key}=${SECRET_KEY.test(key) ? '****' : textOf(action.configuration[key])}`);
  }
  if (action.namespace !== undefined) details.push(`namespace: ${textOf(action.namespace)}`);
  if (action.timeoutInMinutes !== undefined) details.push(`timeout: ${textOf(action.timeoutInMinutes)} min`);
  return details;
}
