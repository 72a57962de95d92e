import { describeLiteral, isUnknown } from '../model/values';
import { partKnown } from '../model/walk';
import { allConditionRules, allConditions, describeCondition, describeRule, RulePlace } from './condition-walk';
import { ENTITY_NAME } from './name-rule';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';
import { V2_LIMITS } from './v2-limits';

const TYPE_PART = /^[0-9A-Za-z_-]+$/;

interface Problem {
  readonly message: string;
  readonly fix: string;
}

/**
 * The rules of a stage condition as the API model types them: 1–5 per condition; their names, rule
 * types, configuration, timeout and commands.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleDeclaration.html
 */
export const conditionRules: Rule = {
  id: 'condition-rules',
  severity: 'error',
  description: 'Rules of a stage condition: count, name, rule type, configuration, timeout, commands',
  limit: `1–${V2_LIMITS.maxRulesPerCondition} rules; name 1–100 of [A-Za-z0-9.@_-]; category Rule, owner AWS, provider 1–35, version 1–9; ≤ ${V2_LIMITS.maxRuleConfigurationKeys} configuration keys of 1–${V2_LIMITS.maxRuleConfigurationKeyLength}, values 1–${V2_LIMITS.maxRuleConfigurationValueLength}; timeoutInMinutes ${V2_LIMITS.ruleTimeoutMinutes.min}–${V2_LIMITS.ruleTimeoutMinutes.max}; 1–${V2_LIMITS.maxCommands} commands of 1–${V2_LIMITS.maxCommandLength}`,
  source: Sources.API,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    for (const place of allConditions(pipeline)) {
      const count = place.condition.rules.length;
      if ((count === 0 || count > V2_LIMITS.maxRulesPerCondition) && partKnown(pipeline, `${place.path}.rules`)) {
        yield {
          stage: place.stage,
          message: `${describeCondition(place.kind)} has ${count} rules; a condition takes 1–${V2_LIMITS.maxRulesPerCondition}`,
          fix: count === 0 ? 'add the rule the condition checks, or remove the condition.' : `keep ${V2_LIMITS.maxRulesPerCondition} rules (a stage has one condition of each kind).`,
        };
      }
    }
    for (const place of allConditionRules(pipeline)) {
      for (const problem of ruleProblems(pipeline, place)) {
        yield { stage: place.stage, message: `${describeRule(place)}: ${problem.message}`, fix: problem.fix };
      }
    }
  },
};

function* ruleProblems(pipeline: Parameters<Rule['check']>[0], place: RulePlace): Generator<Problem> {
  const { rule, rulePath } = place;
  const { name } = rule;
  if (name === undefined || name === '') {
    yield { message: 'the rule has no name', fix: `name the rule with 1–${ENTITY_NAME.maxLength} of ${ENTITY_NAME.allowed}.` };
  } else if (!isUnknown(name)) {
    if (typeof name !== 'string' || name.length > ENTITY_NAME.maxLength || !ENTITY_NAME.pattern.test(name)) {
      yield {
        message: `the name ${describeLiteral(name)} is not 1–${ENTITY_NAME.maxLength} of ${ENTITY_NAME.allowed}`,
        fix: `name the rule with 1–${ENTITY_NAME.maxLength} of ${ENTITY_NAME.allowed}.`,
      };
    }
  }
  const { category, owner, provider, version } = rule.ruleTypeId;
  if (!isUnknown(category) && category !== 'Rule') {
    yield { message: `the rule category ${describeLiteral(category ?? '')} is not Rule`, fix: 'set ruleTypeId.category to Rule.' };
  }
  if (owner !== undefined && !isUnknown(owner) && owner !== 'AWS') {
    yield { message: `the rule owner ${describeLiteral(owner)} is not AWS`, fix: 'set ruleTypeId.owner to AWS, or leave it out.' };
  }
  if (!isUnknown(provider) && !(typeof provider === 'string' && provider.length <= 35 && TYPE_PART.test(provider))) {
    yield { message: `the rule provider ${describeLiteral(provider ?? '')} is not 1–35 letters, digits, "_" or "-"`, fix: 'use a provider of the rule reference, e.g. CloudWatchAlarm.' };
  }
  if (version !== undefined && !isUnknown(version) && !(typeof version === 'string' && version.length <= 9 && TYPE_PART.test(version))) {
    yield { message: `the rule type version ${describeLiteral(version)} is not 1–9 letters, digits, "_" or "-"`, fix: 'use version "1".' };
  }
  const entries = Object.entries(rule.configuration);
  if (entries.length > V2_LIMITS.maxRuleConfigurationKeys && partKnown(pipeline, `${rulePath}.configuration`)) {
    yield { message: `the configuration has ${entries.length} keys; the limit is ${V2_LIMITS.maxRuleConfigurationKeys}`, fix: 'remove the keys the rule type does not define.' };
  }
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > V2_LIMITS.maxRuleConfigurationKeyLength) {
      yield { message: `configuration key "${key}" is ${key.length} characters; keys take 1–${V2_LIMITS.maxRuleConfigurationKeyLength}`, fix: 'use the configuration key the rule type defines.' };
    }
    if (value === undefined || isUnknown(value)) continue;
    const length = String(value).length;
    if (length === 0 || length > V2_LIMITS.maxRuleConfigurationValueLength) {
      yield { message: `configuration value ${key} is ${length} characters; values take 1–${V2_LIMITS.maxRuleConfigurationValueLength}`, fix: length === 0 ? `remove ${key} or give it a value.` : `shorten ${key}.` };
    }
  }
  const timeout = rule.timeoutInMinutes;
  if (timeout !== undefined && !isUnknown(timeout)
    && !(typeof timeout === 'number' && Number.isInteger(timeout) && timeout >= V2_LIMITS.ruleTimeoutMinutes.min && timeout <= V2_LIMITS.ruleTimeoutMinutes.max)) {
    yield {
      message: `timeoutInMinutes ${describeLiteral(timeout)} is not a whole number from ${V2_LIMITS.ruleTimeoutMinutes.min} to ${V2_LIMITS.ruleTimeoutMinutes.max}`,
      fix: 'use a timeout between 5 minutes and 60 days, or leave it out for the rule type\'s default.',
    };
  }
  if (rule.commands !== undefined) {
    const count = rule.commands.length;
    if ((count === 0 || count > V2_LIMITS.maxCommands) && partKnown(pipeline, `${rulePath}.commands`)) {
      yield { message: `${count} commands; a rule takes 1–${V2_LIMITS.maxCommands}`, fix: count === 0 ? 'add the commands to run, or remove commands.' : 'join commands with && or move them into a script in an input artifact.' };
    }
    for (const [i, command] of rule.commands.entries()) {
      // A command that is not text is the declaration-shape rule's to report.
      if (typeof command !== 'string') continue;
      const { length } = command;
      if (length === 0 || length > V2_LIMITS.maxCommandLength) {
        yield { message: `command ${i + 1} is ${length} characters; a command takes 1–${V2_LIMITS.maxCommandLength}`, fix: length === 0 ? 'remove the empty command.' : 'move the command into a script in an input artifact and run the script.' };
      }
    }
  }
}
