import { ConditionValues, MAX_BRANCH_COMBINATIONS } from './model/branches';
import { PipelineBranches } from './model/template-branches';
import { describeValue } from './model/values';
import { ALL_RULES } from './rules';
import { Finding } from './rules/finding';
import { validatePipeline, ValidationOptions } from './validate';

/** The ID of the warning that a pipeline's conditions have more combinations than are checked. */
export const CONDITION_COMBINATIONS_ID = 'condition-combinations';

/** Condition names a message lists before it says how many more there are. */
const NAMES_SHOWN = 8;

/**
 * Runs the rules on a pipeline whose template's conditions may choose between its parts: on each
 * feasible combination's declaration, with each finding reported once, with the condition values
 * it holds under unless it holds under all. Past the bound, or when the conditions cannot be read,
 * the pipeline is checked as written (the parts behind `Fn::If` unknown), with a warning that says so.
 */
export function validateBranches(pipeline: PipelineBranches, options: ValidationOptions = {}): Finding[] {
  const { plan } = pipeline;
  switch (plan.kind) {
    case 'single':
      return validatePipeline(pipeline.model, options);
    case 'too-many':
    case 'unreadable':
      return [...validatePipeline(pipeline.model, options), unbranchedWarning(pipeline)];
    case 'combinations':
      return mergeCombinations(pipeline, options);
  }
}

interface Merged {
  readonly finding: Finding;
  readonly order: number;
  readonly combinations: Set<number>;
}

function mergeCombinations(pipeline: PipelineBranches, options: ValidationOptions): Finding[] {
  const rules = options.rules ?? ALL_RULES;
  const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
  const merged = new Map<string, Merged>();
  for (const [index, branch] of pipeline.branches.entries()) {
    for (const finding of validatePipeline(branch.model, options)) {
      const key = JSON.stringify([finding.ruleId, finding.severity, finding.pipeline, finding.stage, finding.action, finding.message]);
      let entry = merged.get(key);
      if (!entry) {
        entry = { finding, order: merged.size, combinations: new Set() };
        merged.set(key, entry);
      }
      entry.combinations.add(index);
    }
  }
  const combinations = pipeline.branches.map((branch) => branch.when);
  const entries = [...merged.values()].sort(
    (a, b) => (ruleOrder.get(a.finding.ruleId) ?? 0) - (ruleOrder.get(b.finding.ruleId) ?? 0) || a.order - b.order,
  );
  return entries.flatMap(({ finding, combinations: holding }) =>
    cover(combinations, holding).map((when) => (Object.keys(when).length === 0 ? finding : { ...finding, when })));
}

/**
 * The fewest-conditions descriptions of the combinations a finding holds in: for each combination
 * not yet described, its values with every condition left out that can be (from the last used to
 * the first) while the description still matches only combinations the finding holds in. An empty
 * description means every combination.
 */
export function cover(combinations: readonly ConditionValues[], holding: ReadonlySet<number>): ConditionValues[] {
  const matches = (description: ConditionValues, values: ConditionValues) =>
    Object.entries(description).every(([name, value]) => values[name] === value);
  const describes = (description: ConditionValues) =>
    combinations.every((values, index) => holding.has(index) || !matches(description, values));
  const descriptions: ConditionValues[] = [];
  for (const index of [...holding].sort((a, b) => a - b)) {
    if (descriptions.some((description) => matches(description, combinations[index]))) continue;
    const description: Record<string, boolean> = { ...combinations[index] };
    for (const name of Object.keys(description).reverse()) {
      const { [name]: _left, ...without } = description;
      if (describes(without)) delete description[name];
    }
    descriptions.push(description);
  }
  return descriptions;
}

function unbranchedWarning(pipeline: PipelineBranches): Finding {
  const { plan, model } = pipeline;
  const conditions = 'conditions' in plan ? plan.conditions : [];
  const shown = conditions.slice(0, NAMES_SHOWN).join(', ') + (conditions.length > NAMES_SHOWN ? `, and ${conditions.length - NAMES_SHOWN} more` : '');
  const uses = conditions.length === 0
    ? 'the pipeline resource\'s Condition'
    : `the pipeline's Fn::If use ${conditions.length} condition${conditions.length === 1 ? '' : 's'} (${shown})`;
  let message: string;
  let fix: string;
  if (plan.kind === 'too-many') {
    const count = plan.count === undefined ? 'too many combinations to count' : `${plan.count} combinations`;
    message = `${uses}: ${count} of their values, more than the ${MAX_BRANCH_COMBINATIONS} checked one by one, so only the parts outside Fn::If were checked`;
    fix = 'give the parameters these conditions compare AllowedValues, or choose between parts by fewer conditions, so that at most '
      + `${MAX_BRANCH_COMBINATIONS} combinations remain.`;
  } else {
    const reason = plan.kind === 'unreadable' ? plan.reason : 'unknown';
    message = `${uses}, but ${reason}, so only the parts outside Fn::If were checked`;
    fix = 'define every condition the template uses in its Conditions section, without cycles (CloudFormation rejects the template otherwise).';
  }
  return omitUndefined({
    ruleId: CONDITION_COMBINATIONS_ID,
    severity: 'warning',
    pipeline: describeValue(model.name),
    file: model.origin.file,
    constructPath: model.origin.constructPath,
    message: `${message} (cdk-delivery-pipelines checks at most ${MAX_BRANCH_COMBINATIONS} combinations of condition values). Fix: ${fix}`,
  } as Finding);
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
