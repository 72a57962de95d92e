import { GitFilterCriteriaModel, GitPushFilterModel, Maybe, PipelineModel, TriggerModel } from '../model/pipeline-model';
import { describeLiteral, isUnknown, known, knownText } from '../model/values';
import { countProblem, listCount, partUnknown } from './list-count';
import { Rule, Sources, Violation } from './rule';
import { hasTriggers } from './rule-scope';
import { V2_LIMITS } from './v2-limits';

const EVENTS = ['OPEN', 'UPDATED', 'CLOSED'];
const SHOWN_PATTERN = 40;

/**
 * A trigger's Git filters (V2): 1–3 push and 1–3 pull-request filters; each includes or excludes list
 * 1–8 patterns of 1–255 characters; pull-request events OPEN, UPDATED or CLOSED (1–3). A push filter
 * filters on tags, on branches, or on branches and file paths (the user guide's valid combinations).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 */
export const triggerFilters: Rule = {
  id: 'trigger-filters',
  severity: 'error',
  description: 'Trigger filters: counts, patterns, pull-request events, push filter combinations',
  limit: '1–3 push and 1–3 pull-request filters; 1–8 patterns of 1–255 characters per list; events OPEN|UPDATED|CLOSED; push on tags, branches, or branches + file paths',
  source: Sources.API,
  appliesTo: hasTriggers,
  *check(pipeline) {
    for (const [i, trigger] of (pipeline.triggers ?? []).entries()) {
      const label = triggerLabel(trigger, i);
      const git = `triggers[${i}].gitConfiguration`;
      for (const kind of ['push', 'pullRequest'] as const) {
        const filters = trigger[kind];
        if (filters === undefined) continue;
        const noun = kind === 'push' ? 'push' : 'pull-request';
        const problem = countProblem(listCount(pipeline, filters, `${git}.${kind}`), 1, V2_LIMITS.maxFiltersPerEvent, 'filter');
        if (problem) yield { message: `${label}: the ${noun} filter list ${problem}`, fix: `give ${kind === 'push' ? 'Push' : 'PullRequest'} 1 to ${V2_LIMITS.maxFiltersPerEvent} filters, or leave it out.` };
        for (const [j, filter] of filters.entries()) {
          const where = { pipeline, label: `${label}, ${noun} filter ${j + 1}`, path: `${git}.${kind}[${j}]` };
          for (const criterion of ['tags', 'branches', 'filePaths'] as const) {
            const criteria = (filter as GitPushFilterModel)[criterion];
            if (criteria) yield* patternProblems(where, criterion, criteria);
          }
          if (kind === 'push') {
            const combination = pushCombination(pipeline, where.path, filter);
            if (combination) yield { ...combination, message: `${where.label} ${combination.message}` };
          } else if ('events' in filter && filter.events !== undefined) {
            yield* eventProblems(where, filter.events);
          }
        }
      }
    }
  },
};

/** `trigger 1 (on "Source")`: the trigger's place in the list and the source action it names. */
export function triggerLabel(trigger: TriggerModel, index: number): string {
  const name = known(trigger.sourceActionName);
  return typeof name === 'string' && name !== '' ? `trigger ${index + 1} (on "${name}")` : `trigger ${index + 1}`;
}

interface FilterPlace {
  readonly pipeline: PipelineModel;
  readonly label: string;
  readonly path: string;
}

function* patternProblems(where: FilterPlace, criterion: string, criteria: GitFilterCriteriaModel): Iterable<Violation> {
  for (const side of ['includes', 'excludes'] as const) {
    const patterns = criteria[side];
    if (patterns === undefined) continue;
    const list = `${criterion}.${side}`;
    const problem = countProblem(listCount(where.pipeline, patterns, `${where.path}.${list}`), 1, V2_LIMITS.maxPatternsPerList, 'pattern');
    if (problem) yield { message: `${where.label}: ${list} ${problem}`, fix: `give ${list} 1 to ${V2_LIMITS.maxPatternsPerList} patterns (a glob such as "release/*" matches many), or leave it out.` };
    for (const pattern of patterns) {
      const text = knownText(pattern);
      if (text === undefined || (text.length >= 1 && text.length <= V2_LIMITS.maxPatternLength)) continue;
      yield {
        message: text.length === 0
          ? `${where.label}: ${list} has an empty pattern; patterns are 1–${V2_LIMITS.maxPatternLength} characters`
          : `${where.label}: ${list} has a pattern of ${text.length} characters ("${text.slice(0, SHOWN_PATTERN)}…"); the limit is ${V2_LIMITS.maxPatternLength}`,
        fix: text.length === 0 ? 'remove the empty pattern.' : `shorten the pattern to ${V2_LIMITS.maxPatternLength} characters or fewer (a glob such as "*" matches any part).`,
      };
    }
  }
}

function* eventProblems(where: FilterPlace, events: readonly Maybe<string>[]): Iterable<Violation> {
  const problem = countProblem(listCount(where.pipeline, events, `${where.path}.events`), 1, EVENTS.length, 'event');
  if (problem) yield { message: `${where.label}: events ${problem}`, fix: 'list 1 to 3 of OPEN, UPDATED and CLOSED, or leave Events out.' };
  for (const event of events) {
    if (isUnknown(event) || (typeof event === 'string' && EVENTS.includes(event))) continue;
    const upper = typeof event === 'string' ? event.toUpperCase() : undefined;
    yield {
      message: `${where.label}: event ${describeLiteral(event)} is not OPEN, UPDATED or CLOSED`,
      fix: upper !== undefined && EVENTS.includes(upper) ? `write it as ${upper}.` : 'use OPEN, UPDATED or CLOSED (a merge is CLOSED).',
    };
  }
}

/**
 * The user guide's valid push filters: tags; branches; branches and file paths. Undefined when the
 * filter is one of them, or when a criterion is only known at deploy time.
 */
function pushCombination(pipeline: PipelineModel, path: string, filter: GitPushFilterModel): Violation | undefined {
  if (['', '.tags', '.branches', '.filePaths'].some((member) => partUnknown(pipeline, `${path}${member}`))) return undefined;
  const source = Sources.TRIGGER_FILTERS;
  if (filter.tags && (filter.branches || filter.filePaths)) {
    const other = filter.branches ? (filter.filePaths ? 'branches and file paths' : 'branches') : 'file paths';
    return { source, message: `combines tags with ${other}; a push filter is on tags, on branches, or on branches and file paths`, fix: 'split it into two push filters: one on tags, one on branches (and file paths).' };
  }
  if (filter.tags || filter.branches) return undefined;
  if (filter.filePaths) {
    return { source, message: 'filters file paths without branches; a push filter is on tags, on branches, or on branches and file paths', fix: 'add Branches (e.g. Includes: ["main"]) beside FilePaths.' };
  }
  return { source, message: 'has no tags or branches; a push filter is on tags, on branches, or on branches and file paths', fix: 'give it Tags or Branches, or remove it.' };
}
