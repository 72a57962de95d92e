import { PipelineModel } from '../../lib/model/pipeline-model';
import { ALL_RULES } from '../../lib/rules';
import { resolveQuotas } from '../../lib/quotas';
import { pipeline } from './builder';
import { v2Pipeline } from './v2-pipeline-builder';

/**
 * The rule engine skips a rule whose `appliesTo` answers false: that may never hide a finding. On
 * pipelines without the rule's part, with that part empty, only known at deploy time or malformed,
 * every such rule's own check finds nothing.
 */
const LACKING: Record<string, PipelineModel> = {
  'a V1 pipeline': pipeline(),
  'a V2 pipeline in PARALLEL mode': v2Pipeline({ executionMode: 'PARALLEL' }),
  'empty lists of triggers, variables and disabled transitions': v2Pipeline({ triggers: [], variables: [], disabledInboundTransitions: [] }),
  'the parts only known at deploy time': v2Pipeline({
    unresolvedParts: ['triggers', 'variables', 'disableInboundStageTransitions', 'stages[1].onFailure', 'stages[1].beforeEntry', 'stages[1].onSuccess'],
  }),
  'the parts malformed': v2Pipeline({
    malformed: ['triggers', 'variables', 'disableInboundStageTransitions'].map((path) => ({ path, expected: 'a list', got: 'a string ("x")' })),
  }),
};

const scoped = ALL_RULES.filter((rule) => rule.appliesTo !== undefined);

test('the rules of triggers, variables, stage conditions and disabled transitions say which part they check', () => {
  expect(scoped.map((rule) => rule.id).sort()).toEqual([
    'condition-results',
    'condition-rule-configuration',
    'condition-rule-usage',
    'condition-rules',
    'disabled-transition-targets',
    'disabled-transitions',
    'pipeline-variables',
    'stage-conditions',
    'stage-rollback',
    'trigger-filter-gaps',
    'trigger-filters',
    'triggers',
    'unique-pipeline-variables',
  ]);
});

describe.each(Object.entries(LACKING))('%s', (_, model) => {
  test.each(scoped.map((rule) => [rule.id, rule] as const))('%s does not apply and finds nothing', (_id, rule) => {
    expect(rule.appliesTo!(model)).toBe(false);
    expect([...rule.check(model, { quotas: resolveQuotas() })]).toEqual([]);
  });
});
