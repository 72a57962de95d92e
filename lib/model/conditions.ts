import { isRecord } from './read-parts';
import { boundedJson } from './value-text';

/**
 * A template's `Conditions` read as expressions that can be evaluated under an assignment of the
 * values they compare: parameters, pseudo parameters, and any other intrinsic (a `Fn::FindInMap`,
 * a `Fn::Select`) as a value of its own. Conditions are pure functions of these values, so the
 * truth values a set of conditions can take together are those some assignment produces.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
 */

/** A value `Fn::Equals` compares: a literal, or a term whose value the assignment gives. */
type Operand = { readonly literal: string } | { readonly term: string };

export type ConditionExpression =
  | { readonly op: 'and' | 'or'; readonly args: readonly ConditionExpression[] }
  | { readonly op: 'not'; readonly arg: ConditionExpression }
  | { readonly op: 'condition'; readonly name: string }
  | { readonly op: 'constant'; readonly value: boolean }
  | { readonly op: 'equals'; readonly left: Operand; readonly right: Operand }
  /** Anything else (a rules-only function, two parameters compared): true or false, freely. */
  | { readonly op: 'free'; readonly term: string };

/** The value of a term that equals none of the literals it is compared with. */
export const OTHER_VALUE: unique symbol = Symbol('a value equal to none of the literals');
/** A term's value: a literal, or one equal to none of the literals it is compared with. */
export type TermValue = string | typeof OTHER_VALUE;
const TRUE = 'true';
const FALSE = 'false';

/**
 * Conditions nested deeper than this, counting each `{ Condition: X }` as a level (CloudFormation
 * allows far less), are read as free values, so that no chain of conditions overflows the stack.
 */
const MAX_CONDITION_DEPTH = 64;

/** The values each term can take, as far as the conditions tell them apart. */
export interface Domains {
  readonly terms: ReadonlyMap<string, readonly TermValue[]>;
}

export interface ConditionSet {
  /** Each condition reachable from the ones asked for, compiled. */
  readonly expressions: ReadonlyMap<string, ConditionExpression>;
  /** The literals each term is compared with, in the order first seen. */
  readonly literals: ReadonlyMap<string, ReadonlySet<string>>;
  /** Terms that are free booleans rather than values. */
  readonly freeTerms: ReadonlySet<string>;
}

/** A condition the set cannot be read without: one the template does not define, or a cycle. */
export class ConditionError extends Error {}

/**
 * Compiles `names` and every condition they use (`{ Condition: X }`) from the template's
 * `Conditions` section.
 * @throws ConditionError for a name the section does not define, or conditions that use each other
 * in a cycle: CloudFormation rejects both templates.
 */
export function compileConditions(section: unknown, names: Iterable<string>): ConditionSet {
  const definitions = isRecord(section) ? section : {};
  const expressions = new Map<string, ConditionExpression>();
  const literals = new Map<string, Set<string>>();
  const freeTerms = new Set<string>();
  const visiting = new Set<string>();

  const compileName = (name: string, depth: number): void => {
    if (expressions.has(name)) return;
    if (visiting.has(name)) throw new ConditionError(`conditions use each other in a cycle through "${name}"`);
    if (!Object.prototype.hasOwnProperty.call(definitions, name)) {
      throw new ConditionError(`condition "${name}" is not defined in the template's Conditions`);
    }
    visiting.add(name);
    expressions.set(name, compile(definitions[name], depth + 1));
    visiting.delete(name);
  };

  const operand = (value: unknown): Operand => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { literal: String(value) };
    const term = termOf(value);
    if (!literals.has(term)) literals.set(term, new Set());
    return { term };
  };

  const free = (value: unknown): ConditionExpression => {
    const term = `free:${boundedJson(value, 100_000)}`;
    freeTerms.add(term);
    return { op: 'free', term };
  };

  const compile = (value: unknown, depth: number): ConditionExpression => {
    if (depth > MAX_CONDITION_DEPTH || !isRecord(value) || Object.keys(value).length !== 1) return free(value);
    const [key] = Object.keys(value);
    const args = value[key];
    if (key === 'Condition' && typeof args === 'string') {
      compileName(args, depth);
      return { op: 'condition', name: args };
    }
    if (!Array.isArray(args)) return free(value);
    if ((key === 'Fn::And' || key === 'Fn::Or') && args.length > 0) {
      return { op: key === 'Fn::And' ? 'and' : 'or', args: args.map((arg) => compile(arg, depth + 1)) };
    }
    if (key === 'Fn::Not' && args.length === 1) return { op: 'not', arg: compile(args[0], depth + 1) };
    if (key === 'Fn::Equals' && args.length === 2) {
      const [left, right] = args.map(operand);
      if ('term' in left && 'term' in right) {
        // Two values compared with each other: which of them can be equal is not modelled.
        return left.term === right.term ? { op: 'constant', value: true } : free(value);
      }
      if ('term' in left && 'literal' in right) literals.get(left.term)!.add(right.literal);
      if ('term' in right && 'literal' in left) literals.get(right.term)!.add(left.literal);
      return { op: 'equals', left, right };
    }
    return free(value);
  };

  for (const name of names) compileName(name, 0);
  return { expressions, literals, freeTerms };
}

/** `Ref P` is the term `P`; any other value (an intrinsic) is a term of its own, by its JSON. */
function termOf(value: unknown): string {
  if (isRecord(value) && Object.keys(value).length === 1 && typeof value.Ref === 'string') return value.Ref;
  return `value:${boundedJson(value, 100_000)}`;
}

/** Known values of pseudo parameters, e.g. a stack's literal region. */
export interface PseudoValues {
  readonly 'AWS::Region'?: string;
  readonly 'AWS::AccountId'?: string;
}

/**
 * The values each term can take, as far as the conditions can tell them apart: the literals it is
 * compared with, and one value equal to none of them. A parameter's `AllowedValues` narrow it (a
 * compared literal that is not allowed cannot occur; "none of them" only if an allowed value is left);
 * a pseudo parameter whose value is known has that value alone. `Default`, `AllowedPattern` and
 * length limits do not narrow it.
 */
export function domainsOf(set: ConditionSet, parameters: unknown, pseudo: PseudoValues = {}): Domains {
  const declared = isRecord(parameters) ? parameters : {};
  const terms = new Map<string, readonly TermValue[]>();
  for (const [term, compared] of set.literals) {
    const fixed = (pseudo as Record<string, string | undefined>)[term];
    if (fixed !== undefined) {
      terms.set(term, [compared.has(fixed) ? fixed : OTHER_VALUE]);
      continue;
    }
    const declaration = Object.prototype.hasOwnProperty.call(declared, term) ? declared[term] : undefined;
    const allowed = allowedValues(declaration);
    if (allowed === undefined) {
      terms.set(term, [...compared, OTHER_VALUE]);
    } else {
      const values: TermValue[] = [...compared].filter((literal) => allowed.has(literal));
      if ([...allowed].some((value) => !compared.has(value))) values.push(OTHER_VALUE);
      terms.set(term, values);
    }
  }
  for (const term of set.freeTerms) terms.set(term, [TRUE, FALSE]);
  return { terms };
}

function allowedValues(declaration: unknown): Set<string> | undefined {
  if (!isRecord(declaration)) return undefined;
  const allowed = declaration.AllowedValues;
  if (!Array.isArray(allowed) || allowed.length === 0) return undefined;
  if (!allowed.every((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return undefined;
  return new Set(allowed.map(String));
}

/** Evaluates one condition under an assignment of every term; `memo` holds this assignment's results. */
export function evaluate(
  set: ConditionSet,
  name: string,
  assignment: ReadonlyMap<string, TermValue>,
  memo: Map<string, boolean>,
): boolean {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const value = evaluateExpression(set, set.expressions.get(name)!, assignment, memo);
  memo.set(name, value);
  return value;
}

function evaluateExpression(
  set: ConditionSet,
  expression: ConditionExpression,
  assignment: ReadonlyMap<string, TermValue>,
  memo: Map<string, boolean>,
): boolean {
  switch (expression.op) {
    case 'and':
      return expression.args.every((arg) => evaluateExpression(set, arg, assignment, memo));
    case 'or':
      return expression.args.some((arg) => evaluateExpression(set, arg, assignment, memo));
    case 'not':
      return !evaluateExpression(set, expression.arg, assignment, memo);
    case 'condition':
      return evaluate(set, expression.name, assignment, memo);
    case 'constant':
      return expression.value;
    case 'free':
      return assignment.get(expression.term) === TRUE;
    case 'equals':
      return valueOf(expression.left, assignment) === valueOf(expression.right, assignment);
  }
}

function valueOf(operand: Operand, assignment: ReadonlyMap<string, TermValue>): TermValue {
  return 'literal' in operand ? operand.literal : assignment.get(operand.term)!;
}
