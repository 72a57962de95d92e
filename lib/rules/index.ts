import { actionName } from './action-name';
import { actionRoleRegion } from './action-role-region';
import { actionTimeout } from './action-timeout';
import { actionType } from './action-type';
import { actionsPerPipeline } from './actions-per-pipeline';
import { actionsPerStage } from './actions-per-stage';
import { approvalInSourceStage } from './approval-in-source-stage';
import { artifactCounts } from './artifact-counts';
import { artifactFlow } from './artifact-flow';
import { artifactName } from './artifact-name';
import { cfnActionMode } from './cfn-action-mode';
import { cfnCapabilities } from './cfn-capabilities';
import { cfnChangeSetName } from './cfn-change-set-name';
import { cfnDeleteDeployedStack } from './cfn-delete-deployed-stack';
import { cfnParameterOverrides } from './cfn-parameter-overrides';
import { cfnRoleAccount } from './cfn-role-account';
import { cfnStackName } from './cfn-stack-name';
import { cfnTemplateArtifacts } from './cfn-template-artifacts';
import { cfnUnusedConfiguration } from './cfn-unused-configuration';
import { commandsAction } from './commands-action';
import { commandsFields } from './commands-fields';
import { conditionResults } from './condition-results';
import { conditionRuleConfiguration } from './condition-rule-configuration';
import { conditionRuleUsage } from './condition-rule-usage';
import { conditionRules } from './condition-rules';
import { configurationLengths } from './configuration-lengths';
import { crossAccountArtifacts } from './cross-account-artifacts';
import { crossAccountKey } from './cross-account-key';
import { crossRegionArtifactStores } from './cross-region-artifact-stores';
import { declarationShape } from './declaration-shape';
import { disabledTransitionTargets } from './disabled-transition-targets';
import { disabledTransitions } from './disabled-transitions';
import { executionMode } from './execution-mode';
import { parallelActions } from './parallel-actions';
import { pipelineName } from './pipeline-name';
import { pipelineTags } from './pipeline-tags';
import { pipelineType } from './pipeline-type';
import { pipelineTypeImplicit } from './pipeline-type-implicit';
import { pipelineVariables } from './pipeline-variables';
import { requiredConfiguration } from './required-configuration';
import { reservedNamespace } from './reserved-namespace';
import { Rule } from './rule';
import { runOrder } from './run-order';
import { s3SourceBucket } from './s3-source-bucket';
import { sequentialActions } from './sequential-actions';
import { sourceRegion } from './source-region';
import { sourceStage } from './source-stage';
import { stageConditions } from './stage-conditions';
import { stageCount } from './stage-count';
import { stageName } from './stage-name';
import { stageRollback } from './stage-rollback';
import { triggerFilterGaps } from './trigger-filter-gaps';
import { triggerFilters } from './trigger-filters';
import { triggers } from './triggers';
import { uniqueActionNames } from './unique-action-names';
import { uniqueNamespaces } from './unique-namespaces';
import { uniqueOutputArtifacts } from './unique-output-artifacts';
import { uniquePipelineVariables } from './unique-pipeline-variables';
import { uniqueStageNames } from './unique-stage-names';
import { variableNamespace } from './variable-namespace';
import { variableReferenceFormat } from './variable-reference-format';
import { variableReferences } from './variable-references';

/**
 * Every rule, in the order findings are reported: the declaration's shape, names, counts, structure,
 * configuration, accounts.
 */
export const ALL_RULES: readonly Rule[] = [
  declarationShape,
  pipelineName,
  stageName,
  actionName,
  artifactName,
  variableNamespace,
  actionType,
  stageCount,
  actionsPerPipeline,
  actionsPerStage,
  parallelActions,
  sequentialActions,
  runOrder,
  actionTimeout,
  uniqueStageNames,
  uniqueActionNames,
  uniqueOutputArtifacts,
  sourceStage,
  approvalInSourceStage,
  artifactCounts,
  artifactFlow,
  variableReferences,
  variableReferenceFormat,
  configurationLengths,
  requiredConfiguration,
  cfnActionMode,
  cfnStackName,
  cfnChangeSetName,
  cfnTemplateArtifacts,
  cfnParameterOverrides,
  cfnCapabilities,
  cfnRoleAccount,
  cfnDeleteDeployedStack,
  cfnUnusedConfiguration,
  crossAccountKey,
  crossAccountArtifacts,
  s3SourceBucket,
  sourceRegion,
  crossRegionArtifactStores,
  actionRoleRegion,
  pipelineTags,
  pipelineType,
  pipelineTypeImplicit,
  executionMode,
  pipelineVariables,
  uniquePipelineVariables,
  triggers,
  triggerFilters,
  triggerFilterGaps,
  disabledTransitions,
  disabledTransitionTargets,
  stageConditions,
  conditionResults,
  conditionRules,
  conditionRuleConfiguration,
  conditionRuleUsage,
  stageRollback,
  commandsAction,
  commandsFields,
  uniqueNamespaces,
  reservedNamespace,
];
