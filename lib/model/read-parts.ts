import { Maybe, MalformedPart } from './pipeline-model';
import { malformed, unresolved } from './values';

/**
 * The shape checks a declaration reader makes on each part it reads. A part that is an intrinsic is
 * noted as unresolved (known at deploy time); a part of any other wrong shape is noted as malformed,
 * with what belongs there and what is there, for the declaration-shape rule to report.
 */
export class ReadParts {
  public readonly unresolved: string[] = [];
  public readonly malformed: MalformedPart[] = [];

  /** Notes a malformed part at `place`. */
  public wrongShape(place: Place, expected: string, value: unknown): void {
    this.malformed.push({ ...place, expected, got: kindOf(value) });
  }

  /** Notes the part at `place` as only known at deploy time. */
  public deployTime(place: Place): void {
    this.unresolved.push(place.path);
  }
}

/** Where a part is: its path in the API's member names, and the stage and action it is in. */
export interface Place {
  readonly path: string;
  readonly stageIndex?: number;
  readonly actionIndex?: number;
}

/** The place of a member of `place`, e.g. `stages[0]` → `stages[0].actions`. */
export function member(place: Place, name: string): Place {
  // Named fields, not a spread: readers of nested V2 parts make a place per part, and a spread is slow.
  return { path: place.path === '' ? name : `${place.path}.${name}`, stageIndex: place.stageIndex, actionIndex: place.actionIndex };
}

/** The place of a list item, e.g. `stages` → `stages[1]`. */
export function item(place: Place, index: number): Place {
  return { path: `${place.path}[${index}]`, stageIndex: place.stageIndex, actionIndex: place.actionIndex };
}

/** A CloudFormation intrinsic: `{ "Ref": … }` or `{ "Fn::…": … }`, and `{ "Condition": … }`. */
export function isIntrinsic(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/*
 * The readers below take the place of the part's container and the part's member name, and build
 * the part's path only when they note it: a declaration of many thousand actions is read without
 * building a path per value.
 */

/**
 * A list's items. Absent or null is an empty list. An intrinsic list (`Fn::If`) is unresolved, and
 * so is a list with intrinsic items (a stage or action behind `Fn::If` with `AWS::NoValue` may not
 * exist), which are left out. Anything else is malformed, and read as an empty list.
 */
export function listAt(value: unknown, container: Place, name: string, expected: string, parts: ReadParts): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    if (!value.some(isIntrinsic)) return value;
    parts.deployTime(member(container, name));
    return value.filter((element) => !isIntrinsic(element));
  }
  if (isIntrinsic(value)) parts.deployTime(member(container, name));
  else parts.wrongShape(member(container, name), expected, value);
  return [];
}

/**
 * A list of text values (commands, variable names, Git filter patterns); undefined when absent or null.
 * A list behind an intrinsic is unresolved and read as empty, as {@link listAt} reads it. An intrinsic
 * item stays in its place as unresolved, and the list is noted as unresolved (a `Fn::If` item may be
 * `AWS::NoValue`, so the count is only known at deploy time); an object, list or null item is
 * malformed. When every item is a literal, the source list itself is the result (nothing is copied).
 */
export function textListAt(
  value: unknown,
  container: Place,
  name: string,
  expected: string,
  itemExpected: string,
  parts: ReadParts,
): Maybe<string>[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    if (isIntrinsic(value)) parts.deployTime(member(container, name));
    else parts.wrongShape(member(container, name), expected, value);
    return [];
  }
  let items: Maybe<string>[] | undefined;
  let deployTime = false;
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    if (typeof element !== 'object' && element !== undefined) continue;
    items ??= value.slice() as Maybe<string>[];
    if (isIntrinsic(element)) {
      items[i] = unresolved(element);
      deployTime = true;
    } else {
      parts.wrongShape(item(member(container, name), i), itemExpected, element);
      items[i] = malformed(element);
    }
  }
  if (deployTime) parts.deployTime(member(container, name));
  return items ?? (value as Maybe<string>[]);
}

/**
 * An object's members, or undefined when it is absent, an intrinsic (noted as unresolved), or of
 * another shape (noted as malformed).
 */
export function recordAt(value: unknown, container: Place, name: string, expected: string, parts: ReadParts): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isIntrinsic(value)) {
    parts.deployTime(member(container, name));
    return undefined;
  }
  if (isRecord(value)) return value;
  parts.wrongShape(member(container, name), expected, value);
  return undefined;
}

/**
 * A literal text, number or boolean as given; an intrinsic as unresolved; an object or list as
 * malformed (noted, for the declaration-shape rule).
 */
export function scalarAt<T>(value: unknown, container: Place, name: string, expected: string, parts: ReadParts): Maybe<T> {
  if (typeof value !== 'object' || value === null) return value as T;
  if (isIntrinsic(value)) return unresolved(value);
  parts.wrongShape(member(container, name), expected, value);
  return malformed(value);
}

/** What a value is, in words, for messages: `a string ("oops")`, `a list of 2 items`, `null`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number':
    case 'boolean':
      return `a ${typeof value} (${String(value)})`;
    case 'object': {
      const keys = Object.keys(value as object);
      if (keys.length === 0) return 'an empty object';
      const shown = keys.slice(0, 3).map((key) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key));
      return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${shown.join(', ')}${keys.length > 3 ? ', …' : ''}`;
    }
    default:
      return `a ${typeof value}`;
  }
}
