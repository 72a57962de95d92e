import { ActionModel, Maybe, PipelineContext, PipelineModel } from '../model/pipeline-model';
import { describeValue, isMalformed, isUnresolved } from '../model/values';
import { categoryOf, runOrderOf } from '../model/walk';

/**
 * Readable, stable text for model values, shared by the diagrams and `pipelineSummary()`.
 *
 * Deploy-time values become short placeholders built from the CloudFormation intrinsic they stand for
 * (`Ref(ArtifactsBucket)`, `GetAtt(PipelineRole.Arn)`), with the 8-character hash that the CDK appends
 * to logical IDs removed: the hash changes whenever a construct moves, and a reviewer reading a diff
 * cares about which resource is meant, not its hash.
 */

/** `PipelineRoleD68726F7` → `PipelineRole`; IDs without a CDK hash suffix stay as they are. */
export function shortLogicalId(logicalId: string): string {
  const match = /^(.*[^0-9A-F])[0-9A-F]{8}$/.exec(logicalId);
  return match ? match[1] : logicalId;
}

/** The text of a model value: literals as they are, deploy-time values as short placeholders. */
export function textOf(value: Maybe<string | number | boolean> | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (isUnresolved(value)) return placeholderOf(value.expression);
  // A value of the wrong type (the declaration-shape rule reports it) is shown as written, bounded.
  if (isMalformed(value)) return describeValue(value);
  return String(value);
}

/**
 * How deep placeholders nest before the rest is written `…`: real templates nest a few levels; a
 * hostile one nests thousands, which would overflow the stack and draw nothing a reader could use.
 */
const MAX_PLACEHOLDER_DEPTH = 12;
let placeholderDepth = 0;

/** A short placeholder for a CloudFormation intrinsic, e.g. `Ref(SourceBucket)`. */
export function placeholderOf(expression: unknown): string {
  return nested(placeholderAt, expression);
}

/** Runs one level of placeholder text, or gives `…` past {@link MAX_PLACEHOLDER_DEPTH}. */
function nested(describe: (value: unknown) => string, value: unknown): string {
  if (placeholderDepth >= MAX_PLACEHOLDER_DEPTH) return '…';
  placeholderDepth++;
  try {
    return describe(value);
  } finally {
    placeholderDepth--;
  }
}

function placeholderAt(expression: unknown): string {
  if (typeof expression === 'string') return withoutCdkTokens(expression);
  if (typeof expression !== 'object' || expression === null) return String(expression);
  if (Array.isArray(expression)) return `[${expression.map(inlineOf).join(', ')}]`;
  const entries = Object.entries(expression);
  if (entries.length !== 1) return 'Object';
  const [key, argument] = entries[0];
  switch (key) {
    case 'Ref':
      return `Ref(${refName(argument)})`;
    case 'Fn::GetAtt':
      return `GetAtt(${getAttName(argument)})`;
    case 'Fn::Join':
      return joinText(argument);
    case 'Fn::Sub':
      return subText(argument);
    default: {
      const name = key.startsWith('Fn::') ? key.slice(4) : key;
      const args = Array.isArray(argument) ? argument.map(inlineOf).join(', ') : inlineOf(argument);
      return `${name}(${args})`;
    }
  }
}

/** A part of a joined or substituted string: literals as they are, intrinsics as `${…}`. */
function inlineOf(part: unknown): string {
  return nested(inlineAt, part);
}

function inlineAt(part: unknown): string {
  if (typeof part === 'string') return withoutCdkTokens(part);
  if (typeof part !== 'object' || part === null) return String(part);
  const entries = Object.entries(part);
  if (entries.length === 1 && entries[0][0] === 'Ref') return `\${${refName(entries[0][1])}}`;
  if (entries.length === 1 && entries[0][0] === 'Fn::GetAtt') return `\${${getAttName(entries[0][1])}}`;
  return `\${${placeholderOf(part)}}`;
}

function refName(argument: unknown): string {
  return typeof argument === 'string' ? shortLogicalId(argument) : inlineOf(argument);
}

function getAttName(argument: unknown): string {
  if (Array.isArray(argument) && argument.length === 2) return `${refName(argument[0])}.${inlineOf(argument[1])}`;
  if (typeof argument === 'string') {
    const [id, ...attribute] = argument.split('.');
    return [shortLogicalId(id), ...attribute].join('.');
  }
  return inlineOf(argument);
}

function joinText(argument: unknown): string {
  if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return `Join(${inlineOf(argument)})`;
  const separator = typeof argument[0] === 'string' ? argument[0] : inlineOf(argument[0]);
  return argument[1].map(inlineOf).join(separator);
}

function subText(argument: unknown): string {
  const template = Array.isArray(argument) ? argument[0] : argument;
  if (typeof template !== 'string') return `Sub(${inlineOf(argument)})`;
  // `${!Literal}` is an escaped dollar sign; every other `${Name}` or `${Name.Attr}` names a resource.
  // A name holds no brace: each try stops at the next `{`, so a run of unclosed `${` stays linear.
  return template.replace(/\$\{(?!!)([^{}]+)\}/g, (_, name: string) => `\${${getAttName(name)}}`);
}

/** CDK tokens (`${Token[TOKEN.123]}`) carry a counter that changes between runs: show them as `Token`. */
function withoutCdkTokens(text: string): string {
  // A token holds no `$`: each try stops at the next one, so a run of unclosed `${Token[` stays linear.
  return text.replace(/\$\{Token\[[^\]$]*\]\}/g, 'Token');
}

/** The account in an ARN, also when the ARN is a `Fn::Join` around `${AWS::Partition}`. */
export function accountOfArnText(arn: Maybe<string> | undefined): string | undefined {
  // `${AWS::Partition}` holds colons of its own: blank out placeholders before splitting the ARN.
  const account = textOf(arn)?.replace(/\$\{[^{}]*\}/g, '_').split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The role name in a role ARN (`arn:aws:iam::1:role/path/name` → `name`), or the logical ID of a role
 * defined beside the pipeline (`GetAtt(PipelineRole.Arn)` → `PipelineRole`), else its placeholder.
 */
export function roleNameOf(arn: Maybe<string> | undefined): string | undefined {
  if (arn === undefined) return undefined;
  if (isUnresolved(arn)) {
    const expression = arn.expression as Record<string, unknown>;
    const getAtt = typeof expression === 'object' && expression !== null ? expression['Fn::GetAtt'] : undefined;
    if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') return shortLogicalId(getAtt[0]);
  }
  const text = textOf(arn)!;
  const marker = text.indexOf(':role/');
  return marker >= 0 ? text.slice(marker + ':role/'.length).split('/').pop() : text;
}

/**
 * Where a pipeline is: its own account and region, when known, and whether its actions run in more
 * than one region (then every action outside the pipeline account names its region, the pipeline's
 * included, so that no deploy reads as if it had no region).
 */
export interface PipelinePlace extends Pick<PipelineContext, 'account' | 'region'> {
  readonly spansRegions?: boolean;
}

/** The place of `pipeline`, for the labels of its actions. */
export function placeOf(pipeline: PipelineModel): PipelinePlace {
  return { account: pipeline.context.account, region: pipeline.context.region, spansRegions: spansRegions(pipeline) };
}

const PIPELINE_ACCOUNT = 'pipeline account';

/**
 * Where an action runs, as far as it differs from the pipeline (`pipeline`): the account, then
 * `/region` when the action names a region other than the pipeline's. The account is the one in the
 * action's role ARN; `pipeline account` when the action has no role, its role is defined beside the
 * pipeline (`GetAtt(Role.Arn)`) or in `${AWS::AccountId}`, or it is the pipeline's own; a parameter
 * stays visible (`${ProdAccount}`), and any other deploy-time ARN is named (`account of
 * Ref(DeployRoleArn)`) rather than guessed. An action without a region lands in the pipeline's, which
 * the summary names when the pipeline spans regions ({@link spansRegions}); then an action in another
 * account names the pipeline's region too.
 */
export function targetOf(action: ActionModel, pipeline: PipelinePlace = {}): string {
  const account = accountLabelOf(action.roleArn, pipeline.account);
  const region = textOf(action.region) ?? (pipeline.spansRegions ? pipeline.region : undefined);
  if (region === undefined) return account;
  const named = region !== pipeline.region || (pipeline.spansRegions === true && account !== PIPELINE_ACCOUNT);
  return named ? `${account}/${region}` : account;
}

/** Whether the action runs in the pipeline's account and region (as far as is known). */
export function runsWithPipeline(action: ActionModel, pipeline: PipelinePlace = {}): boolean {
  return targetOf(action, pipeline) === PIPELINE_ACCOUNT;
}

/** Whether some action of the pipeline runs in another region than the pipeline's, or it keeps a store per region. */
export function spansRegions(pipeline: PipelineModel): boolean {
  if (Object.keys(pipeline.artifactStores ?? {}).length > 0) return true;
  return pipeline.stages.some((stage) => stage.actions.some((action) => {
    const region = textOf(action.region);
    return region !== undefined && region !== pipeline.context.region;
  }));
}

function accountLabelOf(roleArn: Maybe<string> | undefined, pipelineAccount: string | undefined): string {
  if (roleArn === undefined) return PIPELINE_ACCOUNT;
  const text = textOf(roleArn)!;
  if (isUnresolved(roleArn) && /^GetAtt\(.*\.Arn\)$/.test(text)) return PIPELINE_ACCOUNT;
  const fields = arnFields(text);
  const account = fields[4];
  if (fields.length < 6 || account === undefined) return `account of ${text}`;
  if (account === '' || account === '${AWS::AccountId}' || account === pipelineAccount) return PIPELINE_ACCOUNT;
  return account;
}

/**
 * The ARN's fields, split on its own colons, not those inside `${AWS::Partition}`: a colon is inside
 * when the next brace after it closes. One pass from the end, rather than a look-ahead from every
 * colon, which is quadratic in a value of many colons.
 */
function arnFields(text: string): string[] {
  const fields: string[] = [];
  let end = text.length;
  let nextBrace = '';
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '{' || char === '}') nextBrace = char;
    else if (char === ':' && nextBrace !== '}') {
      fields.push(text.slice(i + 1, end));
      end = i;
    }
  }
  fields.push(text.slice(0, end));
  return fields.reverse();
}

/** Whether the pipeline waits here for a person: a manual approval. */
export function isApprovalGate(action: ActionModel): boolean {
  return categoryOf(action) === 'Approval';
}

/** What kind of action this is, e.g. `CloudFormation CHANGE_SET_REPLACE` or `Manual approval`. */
export function kindOf(action: ActionModel): string {
  const provider = textOf(action.actionTypeId.provider) ?? '?';
  if (isApprovalGate(action) && provider === 'Manual') return 'Manual approval';
  const mode = provider === 'CloudFormation' ? textOf(action.configuration.ActionMode) : undefined;
  return mode === undefined ? provider : `${provider} ${mode}`;
}

/** The stack and change set a CloudFormation action touches, e.g. `['stack=prod', 'changeset=prod-cs']`. */
export function touchedParts(action: ActionModel): string[] {
  const parts: string[] = [];
  const stack = textOf(action.configuration.StackName);
  const changeSet = textOf(action.configuration.ChangeSetName);
  if (stack !== undefined) parts.push(`stack=${stack}`);
  if (changeSet !== undefined) parts.push(`changeset=${changeSet}`);
  return parts;
}

/** {@link touchedParts} on one line, or undefined when the action touches no stack. */
export function touchesOf(action: ActionModel): string | undefined {
  const parts = touchedParts(action);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The action's run order as text: the number (1 when absent), or the value as written when unresolved. */
export function runOrderText(action: ActionModel): string {
  const order = runOrderOf(action);
  return order !== undefined ? String(order) : (textOf(action.runOrder) ?? '?');
}

/** Artifact names, as text. */
export function artifactNames(artifacts: readonly { name: Maybe<string> }[]): string[] {
  return artifacts.map((artifact) => textOf(artifact.name) ?? '?');
}
