import { known } from '../model/values';
import { allConditionRules, allConditions, describeCondition, describeRule } from './condition-walk';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';

/** The providers the rule reference documents; the API takes any provider name of its pattern. */
export const DOCUMENTED_RULE_PROVIDERS = ['CloudWatchAlarm', 'CodeBuild', 'Commands', 'DeploymentWindow', 'LambdaInvoke', 'VariableCheck'];

/**
 * What the rule reference implies but the API model does not state: a provider it documents, rule
 * names that tell the rules of a condition apart (the console and the execution history show rules by
 * name), and commands on the Commands rule alone. Warnings, since the service's checks are not written.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html
 */
export const conditionRuleUsage: Rule = {
  id: 'condition-rule-usage',
  severity: 'warning',
  description: 'Rule providers the rule reference documents; distinct rule names in a condition; commands only on a Commands rule',
  limit: `provider ${DOCUMENTED_RULE_PROVIDERS.join('|')}; names unique in a condition; Commands rule has commands`,
  source: Sources.RULE_REFERENCE,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    for (const place of allConditionRules(pipeline)) {
      const provider = known(place.rule.ruleTypeId.provider);
      // A provider of another shape than the API's is the condition-rules rule's to report.
      if (typeof provider !== 'string' || !/^[0-9A-Za-z_-]{1,35}$/.test(provider)) continue;
      if (!DOCUMENTED_RULE_PROVIDERS.includes(provider)) {
        yield {
          stage: place.stage,
          message: `${describeRule(place)}: provider ${provider} is not one the rule reference documents (${DOCUMENTED_RULE_PROVIDERS.join(', ')})`,
          fix: 'check the provider\'s spelling and case; rule providers are case sensitive.',
        };
      }
      if (provider === 'Commands' && place.rule.commands === undefined) {
        yield { stage: place.stage, message: `${describeRule(place)}: a Commands rule has no commands`, fix: 'give the rule the shell commands to run (1–50).' };
      }
      if (provider !== 'Commands' && place.rule.commands !== undefined) {
        yield { stage: place.stage, message: `${describeRule(place)}: commands are set on a ${provider} rule; only the Commands rule runs commands`, fix: 'remove commands, or make the rule a Commands rule.' };
      }
    }
    for (const place of allConditions(pipeline)) {
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const rule of place.condition.rules) {
        const name = known(rule.name);
        if (typeof name !== 'string') continue;
        if (seen.has(name) && !reported.has(name)) {
          reported.add(name);
          yield { stage: place.stage, message: `${describeCondition(place.kind)} has two rules named "${name}"`, fix: 'give each rule of the condition its own name.' };
        }
        seen.add(name);
      }
    }
  },
};
