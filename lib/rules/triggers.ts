import { ActionModel, StageModel } from '../model/pipeline-model';
import { describeLiteral, describeValue, isUnknown, known } from '../model/values';
import { ActionPlace, allActions, allActionsKnown, categoryOf, providerOf } from '../model/walk';
import { countProblem, listCount } from './list-count';
import { Rule, Sources, Violation } from './rule';
import { hasTriggers } from './rule-scope';
import { V2_LIMITS } from './v2-limits';

const CONNECTION = 'CodeStarSourceConnection';

/**
 * Triggers (V2): at most 50, each of provider type CodeStarSourceConnection, each naming a source
 * action of that provider in the pipeline, and no source action named by two triggers.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineTriggerDeclaration.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html
 */
export const triggers: Rule = {
  id: 'triggers',
  severity: 'error',
  description: 'Triggers: count, provider type, and the source action each names',
  limit: '0–50 triggers; providerType CodeStarSourceConnection; each names a CodeStarSourceConnection source action, one trigger per action',
  source: Sources.API,
  appliesTo: hasTriggers,
  *check(pipeline) {
    const list = pipeline.triggers ?? [];
    const tooMany = countProblem(listCount(pipeline, list, 'triggers'), 0, V2_LIMITS.maxTriggers, 'trigger');
    if (tooMany) yield { message: `the pipeline's trigger list ${tooMany}`, fix: `declare at most ${V2_LIMITS.maxTriggers} triggers.` };
    // Triggers are V2 only, and most pipelines have none: then no action needs a look.
    if (list.length === 0) return;
    // An action whose name is unknown may be the one a trigger names.
    const everyActionNamed = allActionsKnown(pipeline) && allActions(pipeline).every(({ action }) => typeof known(action.name) === 'string');
    const claimedBy = new Map<string, number>();
    let actionsByName: Map<string, ActionPlace[]> | undefined;
    for (const [i, trigger] of list.entries()) {
      const label = `trigger ${i + 1}`;
      const providerType = trigger.providerType;
      if (providerType === undefined) {
        yield { message: `${label} has no providerType`, fix: `set ProviderType to ${CONNECTION}.` };
      } else if (!isUnknown(providerType) && providerType !== CONNECTION) {
        yield {
          message: `${label} has providerType ${describeLiteral(providerType)}; the only provider type is ${CONNECTION}`,
          fix: `set ProviderType to ${CONNECTION}: triggers start a pipeline from a connection source (GitHub, GitLab, Bitbucket).`,
        };
      }
      const name = trigger.sourceActionName;
      if (isUnknown(name)) continue;
      if (name === undefined || name === '') {
        yield { message: `${label} names no source action (gitConfiguration.sourceActionName)`, fix: `name the pipeline's ${CONNECTION} source action in SourceActionName.` };
        continue;
      }
      if (typeof name !== 'string') continue;
      actionsByName ??= byName(allActions(pipeline));
      const problem = sourceActionProblem(name, actionsByName.get(name) ?? [], everyActionNamed);
      if (problem) yield { ...problem, message: `${label} ${problem.message}` };
      const earlier = claimedBy.get(name);
      if (earlier !== undefined) {
        yield {
          message: `${label} names source action "${name}", which trigger ${earlier} names too; a source action takes one trigger`,
          fix: 'merge the two triggers into one: a trigger takes up to 3 push and 3 pull-request filters.',
        };
      } else {
        claimedBy.set(name, i + 1);
      }
    }
  },
};

function sourceActionProblem(name: string, matches: readonly ActionPlace[], everyActionNamed: boolean): Violation | undefined {
  if (matches.length === 0) {
    if (!everyActionNamed) return undefined;
    return {
      message: `names source action "${name}", which is not an action of the pipeline`,
      fix: `name the pipeline's ${CONNECTION} source action, or add one named "${name}" to the first stage.`,
    };
  }
  // Action names are unique per stage only: one matching connection source is enough.
  if (matches.some(({ action }) => isConnectionSource(action))) return undefined;
  const { stage, action } = matches[0];
  const category = categoryOf(action);
  const provider = known(action.actionTypeId.provider);
  if (category === undefined || provider === undefined) return undefined;
  if (category !== 'Source') {
    return at(stage, action, `names "${name}", a ${category} action; a trigger names a source action`, `name the pipeline's ${CONNECTION} source action.`);
  }
  return at(
    stage,
    action,
    `names source action "${name}", of provider ${describeValue(provider)}; triggers take only ${CONNECTION} source actions`,
    `use a ${CONNECTION} source action (GitHub, GitLab, Bitbucket), or remove the trigger and let the source detect changes itself.`,
  );
}

/** The actions of each literal name, built once: a pipeline may have thousands of actions and of triggers. */
function byName(places: readonly ActionPlace[]): Map<string, ActionPlace[]> {
  const map = new Map<string, ActionPlace[]>();
  for (const place of places) {
    const name = known(place.action.name);
    if (typeof name !== 'string') continue;
    const list = map.get(name);
    if (list) list.push(place);
    else map.set(name, [place]);
  }
  return map;
}

function isConnectionSource(action: ActionModel): boolean {
  return categoryOf(action) === 'Source' && providerOf(action) === CONNECTION.toLowerCase();
}

function at(stage: StageModel, action: ActionModel, message: string, fix: string): Violation {
  return { stage, action, message, fix };
}
