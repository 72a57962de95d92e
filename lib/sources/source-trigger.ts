import { Token } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { V2_LIMITS } from '../rules/v2-limits';

/**
 * Glob patterns a Git filter includes and excludes; an excluded match wins over an included one.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/syntax-glob.html
 */
export interface GitPatterns {
  /**
   * Patterns that start the pipeline: 1–8, each 1–255 characters.
   * @default - none
   */
  readonly includes?: string[];
  /**
   * Patterns that do not start the pipeline, even when included: 1–8, each 1–255 characters.
   * @default - none
   */
  readonly excludes?: string[];
}

/**
 * Which pushes start the pipeline: by branch or tag, and within a branch by the files changed.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 */
export interface GitPushTriggerFilter {
  /**
   * The branches whose pushes start the pipeline.
   * @default - none; give branches or tags
   */
  readonly branches?: GitPatterns;
  /**
   * The tags whose pushes start the pipeline.
   * @default - none; give branches or tags
   */
  readonly tags?: GitPatterns;
  /**
   * The files whose change starts the pipeline (with `branches` only).
   * @default - any file
   */
  readonly filePaths?: GitPatterns;
}

/**
 * Which pull requests start the pipeline: by target branch, files changed and event.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 */
export interface GitPullRequestTriggerFilter {
  /** The branches a pull request targets. */
  readonly branches: GitPatterns;
  /**
   * The files whose change starts the pipeline.
   * @default - any file
   */
  readonly filePaths?: GitPatterns;
  /**
   * The pull request events that start the pipeline, each once.
   * @default - OPEN, UPDATED and CLOSED
   */
  readonly events?: codepipeline.GitPullRequestEvent[];
}

/**
 * The Git events that start a V2 pipeline from a connection source, instead of every push to the
 * source's branch. Give `push`, `pullRequest` or both.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html
 */
export interface SourceTrigger {
  /**
   * Push filters: 1–3; a push that matches any of them starts the pipeline.
   * @default - no push starts the pipeline
   */
  readonly push?: GitPushTriggerFilter[];
  /**
   * Pull request filters: 1–3; a pull request event that matches any of them starts the pipeline.
   * @default - no pull request starts the pipeline
   */
  readonly pullRequest?: GitPullRequestTriggerFilter[];
}

/** Checks a connection source's trigger where it is made; `where` names the prop. */
export function validateSourceTrigger(where: string, trigger: SourceTrigger): void {
  const { maxFiltersPerEvent } = V2_LIMITS;
  if (!trigger.push?.length && !trigger.pullRequest?.length) {
    throw new Error(`${where}: give push or pullRequest filters (1–${maxFiltersPerEvent} each), or leave trigger out to start on every push to the branch.`);
  }
  for (const [kind, filters] of [['push', trigger.push], ['pullRequest', trigger.pullRequest]] as const) {
    if (filters !== undefined && (filters.length === 0 || filters.length > maxFiltersPerEvent)) {
      throw new Error(`${where}: ${kind} has ${filters.length} filters; give 1–${maxFiltersPerEvent} (leave ${kind} out for none).`);
    }
  }
  for (const [index, filter] of (trigger.push ?? []).entries()) {
    const at = `${where}: push[${index}]`;
    if (!filter.branches && !filter.tags) throw new Error(`${at}: give branches or tags; a push filter matches by one of them.`);
    if (filter.filePaths && !filter.branches) throw new Error(`${at}: filePaths needs branches (a tag push has no changed files to match).`);
    validatePatterns(`${at}.branches`, filter.branches);
    validatePatterns(`${at}.tags`, filter.tags);
    validatePatterns(`${at}.filePaths`, filter.filePaths);
  }
  for (const [index, filter] of (trigger.pullRequest ?? []).entries()) {
    const at = `${where}: pullRequest[${index}]`;
    if (!filter.branches) throw new Error(`${at}: give branches, the branches a pull request targets.`);
    validatePatterns(`${at}.branches`, filter.branches);
    validatePatterns(`${at}.filePaths`, filter.filePaths);
    const events = filter.events;
    if (events !== undefined) {
      if (events.length === 0) throw new Error(`${at}.events is empty; leave it out for OPEN, UPDATED and CLOSED.`);
      const repeated = events.find((e, i) => events.indexOf(e) !== i);
      if (repeated !== undefined) throw new Error(`${at}.events names ${repeated} twice; name each event once.`);
    }
  }
}

function validatePatterns(at: string, patterns: GitPatterns | undefined): void {
  if (patterns === undefined) return;
  const { maxPatternsPerList, maxPatternLength } = V2_LIMITS;
  if (!patterns.includes && !patterns.excludes) throw new Error(`${at}: give includes or excludes.`);
  for (const [kind, list] of [['includes', patterns.includes], ['excludes', patterns.excludes]] as const) {
    if (list === undefined) continue;
    if (list.length === 0 || list.length > maxPatternsPerList) {
      throw new Error(`${at}.${kind} has ${list.length} patterns; give 1–${maxPatternsPerList}.`);
    }
    for (const pattern of list) {
      if (Token.isUnresolved(pattern)) continue;
      if (pattern.length === 0 || pattern.length > maxPatternLength) {
        throw new Error(`${at}.${kind}: pattern "${pattern}" is ${pattern.length} characters; a pattern is 1–${maxPatternLength} characters.`);
      }
    }
  }
}

/** aws-cdk-lib's trigger for `sourceAction`, from a validated trigger. */
export function toTriggerProps(sourceAction: codepipeline.IAction, trigger: SourceTrigger): codepipeline.TriggerProps {
  return {
    providerType: codepipeline.ProviderType.CODE_STAR_SOURCE_CONNECTION,
    gitConfiguration: {
      sourceAction,
      pushFilter: trigger.push?.map((f) => ({
        branchesIncludes: f.branches?.includes,
        branchesExcludes: f.branches?.excludes,
        tagsIncludes: f.tags?.includes,
        tagsExcludes: f.tags?.excludes,
        filePathsIncludes: f.filePaths?.includes,
        filePathsExcludes: f.filePaths?.excludes,
      })),
      pullRequestFilter: trigger.pullRequest?.map((f) => ({
        branchesIncludes: f.branches.includes,
        branchesExcludes: f.branches.excludes,
        filePathsIncludes: f.filePaths?.includes,
        filePathsExcludes: f.filePaths?.excludes,
        events: f.events,
      })),
    },
  };
}
