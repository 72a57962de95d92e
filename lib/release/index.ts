export { PipelineVariable } from './pipeline-variables';
export type { PipelineVariableProps } from './pipeline-variables';
export { ConditionRule, StageCondition, StageFailure } from './stage-conditions';
export type { CloudWatchAlarmRuleProps, ConditionRuleName, DeploymentWindowRuleProps, ReleaseStageConditions, StageConditionOptions } from './stage-conditions';
