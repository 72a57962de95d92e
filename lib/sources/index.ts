export * from './release-build';
export * from './release-source';
export type { GitPatterns, GitPullRequestTriggerFilter, GitPushTriggerFilter, SourceTrigger } from './source-trigger';
