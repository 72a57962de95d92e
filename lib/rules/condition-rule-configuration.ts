import { known } from '../model/values';
import { partKnown } from '../model/walk';
import { allConditionRules, describeRule } from './condition-walk';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';

interface RequiredKey {
  readonly key: string;
  /** How to fill it, for the fix. */
  readonly fill: string;
}

/**
 * The configuration each rule provider requires, as its page of the rule reference marks it
 * ("Required: Yes"). The Commands rule's page could not be read for its parameters, so it is left out.
 */
const REQUIRED: Readonly<Record<string, readonly RequiredKey[]>> = {
  CloudWatchAlarm: [{ key: 'AlarmName', fill: 'the name of the CloudWatch alarm to watch' }],
  CodeBuild: [{ key: 'ProjectName', fill: 'the name of the CodeBuild project to run' }],
  DeploymentWindow: [{ key: 'Cron', fill: 'a cron expression of the days and times deployments are allowed' }],
  LambdaInvoke: [{ key: 'FunctionName', fill: 'the name of the Lambda function to invoke' }],
  VariableCheck: [
    { key: 'Operator', fill: 'EQ, CONTAINS, MATCHES or NE' },
    { key: 'Value', fill: 'the value to compare the variable with' },
    { key: 'Variable', fill: 'the variable to check, e.g. #{SourceVariables.BranchName}' },
  ],
};
const VARIABLE_CHECK_OPERATORS = ['EQ', 'CONTAINS', 'MATCHES', 'NE'];

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html */
export const conditionRuleConfiguration: Rule = {
  id: 'condition-rule-configuration',
  severity: 'error',
  description: 'Configuration each rule provider requires',
  limit: 'CloudWatchAlarm: AlarmName; CodeBuild: ProjectName; DeploymentWindow: Cron; LambdaInvoke: FunctionName; VariableCheck: Operator (EQ|CONTAINS|MATCHES|NE), Value, Variable',
  source: Sources.RULE_REFERENCE,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    for (const place of allConditionRules(pipeline)) {
      const { rule } = place;
      const provider = known(rule.ruleTypeId.provider);
      const required = typeof provider === 'string' ? REQUIRED[provider] : undefined;
      // Keys behind an intrinsic (the whole configuration from a parameter) may be there at deploy time.
      if (!required || !partKnown(pipeline, `${place.rulePath}.configuration`)) continue;
      for (const { key, fill } of required) {
        if (rule.configuration[key] === undefined) {
          yield { stage: place.stage, message: `${describeRule(place)}: a ${provider} rule requires ${key}`, fix: `set ${key} to ${fill}.` };
        }
      }
      const operator = known(rule.configuration.Operator);
      if (provider === 'VariableCheck' && operator !== undefined && !VARIABLE_CHECK_OPERATORS.includes(String(operator))) {
        yield {
          stage: place.stage,
          message: `${describeRule(place)}: Operator ${JSON.stringify(String(operator))} is not one of ${VARIABLE_CHECK_OPERATORS.join(', ')}`,
          fix: 'use EQ (equals), CONTAINS, MATCHES (a Java regular expression) or NE (not equal).',
        };
      }
    }
  },
};
