import { GitFilterCriteriaModel, GitPullRequestFilterModel, GitPushFilterModel, TriggerModel } from './pipeline-model';
import { field, TEXT } from './read-members';
import { isIntrinsic, isRecord, item, listAt, member, Place, ReadParts, recordAt, scalarAt, textListAt } from './read-parts';
import { malformed, unresolved } from './values';

/*
 * The pipeline's triggers (V2). The model puts the trigger's `gitConfiguration` members on the trigger
 * itself; paths keep the API's names (`triggers[0].gitConfiguration.push[0].branches.includes`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineTriggerDeclaration.html
 */

/** The triggers; undefined when absent. */
export function triggersFrom(value: unknown, root: Place, parts: ReadParts): TriggerModel[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = listAt(value, root, 'triggers', 'a list of triggers, each an object with ProviderType and GitConfiguration', parts);
  return list.map((trigger, i) => triggerFrom(trigger, { path: `triggers[${i}]` }, parts));
}

function triggerFrom(value: unknown, place: Place, parts: ReadParts): TriggerModel {
  if (!isRecord(value)) {
    parts.wrongShape(place, 'a trigger: an object with ProviderType and GitConfiguration', value);
    const unknown = malformed(value);
    return { providerType: unknown, sourceActionName: unknown };
  }
  const providerType = scalarAt<string>(field(value, 'providerType'), place, 'providerType', TEXT, parts);
  const gitValue = field(value, 'gitConfiguration');
  const git = recordAt(gitValue, place, 'gitConfiguration', 'a Git configuration: an object with SourceActionName, Push or PullRequest', parts);
  if (git === undefined) {
    // Absent (the API requires it): no source action is named. Otherwise the name is unknown.
    const unknown = gitValue === undefined || gitValue === null ? undefined : isIntrinsic(gitValue) ? unresolved(gitValue) : malformed(gitValue);
    return { providerType, sourceActionName: unknown as TriggerModel['sourceActionName'] };
  }
  const gitPlace = member(place, 'gitConfiguration');
  return {
    providerType,
    sourceActionName: scalarAt<string>(field(git, 'sourceActionName'), gitPlace, 'sourceActionName', TEXT, parts),
    push: filtersFrom(field(git, 'push'), gitPlace, 'push', parts, pushFilterFrom),
    pullRequest: filtersFrom(field(git, 'pullRequest'), gitPlace, 'pullRequest', parts, pullRequestFilterFrom),
  };
}

function filtersFrom<T>(
  value: unknown,
  git: Place,
  name: 'push' | 'pullRequest',
  parts: ReadParts,
  filterFrom: (filter: Record<string, unknown>, place: Place, parts: ReadParts) => T,
): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  const what = name === 'push' ? 'push filter: an object with Tags, Branches or FilePaths' : 'pull request filter: an object with Events, Branches or FilePaths';
  const list = listAt(value, git, name, `a list of filters, each a ${what}`, parts);
  const listPlace = member(git, name);
  return list.map((filter, i) => {
    const place = item(listPlace, i);
    if (isRecord(filter)) return filterFrom(filter, place, parts);
    // Stands in the list, with no criteria, so that the filter count stays right.
    parts.wrongShape(place, `a ${what}`, filter);
    return {} as T;
  });
}

function pushFilterFrom(filter: Record<string, unknown>, place: Place, parts: ReadParts): GitPushFilterModel {
  return {
    tags: criteriaFrom(field(filter, 'tags'), place, 'tags', parts),
    branches: criteriaFrom(field(filter, 'branches'), place, 'branches', parts),
    filePaths: criteriaFrom(field(filter, 'filePaths'), place, 'filePaths', parts),
  };
}

function pullRequestFilterFrom(filter: Record<string, unknown>, place: Place, parts: ReadParts): GitPullRequestFilterModel {
  return {
    events: textListAt(field(filter, 'events'), place, 'events', 'a list of events, each OPEN, UPDATED or CLOSED', 'an event: text', parts),
    branches: criteriaFrom(field(filter, 'branches'), place, 'branches', parts),
    filePaths: criteriaFrom(field(filter, 'filePaths'), place, 'filePaths', parts),
  };
}

/** Includes and excludes patterns; undefined when absent, behind an intrinsic or of another shape. */
function criteriaFrom(value: unknown, filter: Place, name: 'tags' | 'branches' | 'filePaths', parts: ReadParts): GitFilterCriteriaModel | undefined {
  const record = recordAt(value, filter, name, 'an object with Includes and Excludes, each a list of patterns', parts);
  if (record === undefined) return undefined;
  const place = member(filter, name);
  return {
    includes: textListAt(field(record, 'includes'), place, 'includes', 'a list of patterns, each text', 'a pattern: text', parts),
    excludes: textListAt(field(record, 'excludes'), place, 'excludes', 'a list of patterns, each text', 'a pattern: text', parts),
  };
}

