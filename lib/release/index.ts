export { PipelineVariable } from './pipeline-variables';
export type { PipelineVariableProps } from './pipeline-variables';
export { ConditionRule } from './condition-rule';
export type { CloudWatchAlarmRuleProps, ConditionRuleName, DeploymentWindowRuleProps } from './condition-rule';
export { StageCondition, StageFailure } from './stage-conditions';
export type { ReleaseStageConditions, StageConditionOptions } from './stage-conditions';
