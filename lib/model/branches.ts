import { compileConditions, ConditionError, ConditionSet, domainsOf, evaluate, PseudoValues, TermValue } from './conditions';
import { isRecord } from './read-parts';

/**
 * `Fn::If` is two pipelines, not a blind spot: where a template's conditions choose between parts of a
 * pipeline, each combination of their values CloudFormation can produce is a plain declaration, and
 * is checked as one. Combinations no parameter values produce (`Env = prod` and `Env = test` at once)
 * are never checked, so they raise no false error.
 *
 * This file is pure: it reads the template's `Conditions` and `Parameters` and a pipeline resource's
 * properties, and gives the feasible combinations and each one's declaration.
 */

/** The values of the conditions a pipeline's `Fn::If` use, in one combination, by condition name. */
export type ConditionValues = Readonly<Record<string, boolean>>;

/**
 * At most this many combinations are checked one by one. Past it, the pipeline is checked as
 * written, with every part behind `Fn::If` unknown, and a warning says so.
 */
export const MAX_BRANCH_COMBINATIONS = 64;

/**
 * At most this many condition evaluations (assignments of the values the conditions compare, times
 * the conditions) are made to find the combinations; past it, the combinations count as too many.
 */
export const MAX_CONDITION_EVALUATIONS = 262_144;

/** Values nested deeper than this (far past any real pipeline) are kept as written, `Fn::If` and all. */
const MAX_DEPTH = 64;

export type BranchPlan =
  /** No `Fn::If` and no resource condition: the pipeline is one declaration. */
  | { readonly kind: 'single' }
  /**
   * Every feasible combination of the conditions used, each to be checked; none when the resource's
   * own condition is never true (CloudFormation never creates the pipeline).
   */
  | { readonly kind: 'combinations'; readonly conditions: readonly string[]; readonly combinations: readonly ConditionValues[] }
  /** More combinations than the bound (`count` undefined when too many to count). */
  | { readonly kind: 'too-many'; readonly conditions: readonly string[]; readonly count?: number }
  /** The conditions cannot be read (undefined, or in a cycle): CloudFormation rejects the template. */
  | { readonly kind: 'unreadable'; readonly conditions: readonly string[]; readonly reason: string };

export interface BranchInputs {
  /** The pipeline resource's `Properties`. */
  readonly properties: unknown;
  /** The resource's own `Condition`, when it has one: it exists only when that condition is true. */
  readonly resourceCondition?: unknown;
  /** The template's `Conditions` section. */
  readonly conditions?: unknown;
  /** The template's `Parameters` section (their `AllowedValues` narrow the combinations). */
  readonly parameters?: unknown;
  /** Pseudo parameters whose values are known (a stack's literal region and account). */
  readonly pseudo?: PseudoValues;
  /** @default MAX_BRANCH_COMBINATIONS */
  readonly maxCombinations?: number;
}

/**
 * The combinations of condition values to check the pipeline under: the distinct truth values of
 * the conditions its `Fn::If` name that some assignment of parameters (and of the other values the
 * conditions compare) produces, among those under which the resource exists.
 */
export function planBranches(inputs: BranchInputs): BranchPlan {
  const conditions = conditionsUsed(inputs.properties);
  const resourceCondition = typeof inputs.resourceCondition === 'string' ? inputs.resourceCondition : undefined;
  if (conditions.length === 0 && resourceCondition === undefined) return { kind: 'single' };
  const max = inputs.maxCombinations ?? MAX_BRANCH_COMBINATIONS;

  let set: ConditionSet;
  try {
    set = compileConditions(inputs.conditions, resourceCondition === undefined ? conditions : [...conditions, resourceCondition]);
  } catch (error) {
    if (error instanceof ConditionError) return { kind: 'unreadable', conditions, reason: error.message };
    throw error;
  }
  const { terms } = domainsOf(set, inputs.parameters, inputs.pseudo);
  const names = [...terms.keys()];
  const domains = names.map((name) => terms.get(name)!);
  const assignments = domains.reduce((product, domain) => product * domain.length, 1);
  if (assignments * (conditions.length + 1) > MAX_CONDITION_EVALUATIONS) return { kind: 'too-many', conditions };

  const seen = new Map<string, ConditionValues>();
  const digits = domains.map(() => 0);
  for (let n = 0; n < assignments; n++) {
    const assignment = new Map<string, TermValue>(names.map((name, i) => [name, domains[i][digits[i]]]));
    const memo = new Map<string, boolean>();
    if (resourceCondition === undefined || evaluate(set, resourceCondition, assignment, memo)) {
      const values = conditions.map((name) => evaluate(set, name, assignment, memo));
      const key = values.map((value) => (value ? '1' : '0')).join('');
      if (!seen.has(key)) seen.set(key, Object.fromEntries(conditions.map((name, i) => [name, values[i]])));
    }
    // The next assignment, the last term's value turning fastest.
    for (let i = digits.length - 1; i >= 0; i--) {
      if (++digits[i] < domains[i].length) break;
      digits[i] = 0;
    }
  }
  if (seen.size > max) return { kind: 'too-many', conditions, count: seen.size };
  return { kind: 'combinations', conditions, combinations: [...seen.values()] };
}

/**
 * The names of the conditions `Fn::If` uses in `value`, in the order first written (branches
 * included: a condition inside a branch counts even where another condition decides the branch).
 */
export function conditionsUsed(value: unknown): string[] {
  const names = new Set<string>();
  const visit = (part: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof part !== 'object' || part === null) return;
    if (Array.isArray(part)) {
      for (const element of part) visit(element, depth + 1);
      return;
    }
    const record = part as Record<string, unknown>;
    const choice = ifArguments(record);
    if (choice) names.add(choice[0]);
    for (const key of Object.keys(record)) visit(record[key], depth + 1);
  };
  visit(value, 0);
  return [...names];
}

/** `[condition, whenTrue, whenFalse]` of an `Fn::If` that names its condition; otherwise undefined. */
function ifArguments(record: Record<string, unknown>): [string, unknown, unknown] | undefined {
  const keys = Object.keys(record);
  if (keys.length !== 1 || keys[0] !== 'Fn::If') return undefined;
  const args = record['Fn::If'];
  if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return undefined;
  return args as [string, unknown, unknown];
}

function isNoValue(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1 && value.Ref === 'AWS::NoValue';
}

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * `value` as CloudFormation deploys it under one combination: each `Fn::If` whose condition
 * `values` gives replaced by its branch, and `AWS::NoValue` removed (a member with it is absent, a
 * list item with it is left out). Every other intrinsic stays; parts that hold no `Fn::If` or
 * `AWS::NoValue` are the very same objects.
 */
export function resolveBranch(value: unknown, values: ConditionValues): unknown {
  const resolved = resolve(value, values, 0);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolve(value: unknown, values: ConditionValues, depth: number): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (isNoValue(value)) return NO_VALUE;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    let changed = false;
    for (const element of value) {
      const item = resolve(element, values, depth + 1);
      if (item !== element) changed = true;
      if (item !== NO_VALUE) items.push(item);
    }
    return changed ? items : value;
  }
  const record = value as Record<string, unknown>;
  const choice = ifArguments(record);
  if (choice && Object.prototype.hasOwnProperty.call(values, choice[0])) {
    return resolve(values[choice[0]] ? choice[1] : choice[2], values, depth + 1);
  }
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(record)) {
    const member = resolve(record[key], values, depth + 1);
    if (member !== record[key]) changed = true;
    // Defined, not assigned: a key named __proto__ stays a key.
    if (member !== NO_VALUE) Object.defineProperty(out, key, { value: member, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
}
