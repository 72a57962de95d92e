import { PipelineModel } from '../model/pipeline-model';
import { isUnresolved } from '../model/values';
import { partKnown } from '../model/walk';

/**
 * Whether the part at `path` (in the API's member names, e.g. `triggers[0].gitConfiguration.push`) is
 * only known at deploy time or malformed, itself or through a part it is in. A list with an
 * intrinsic item is unknown itself; its literal items are still known.
 */
export function partUnknown(pipeline: PipelineModel, path: string): boolean {
  return !partKnown(pipeline, path);
}

/** How many items a list has, as far as the declaration says. */
export interface ListCount {
  /** The items that exist whatever deploy time decides (an intrinsic item may be `AWS::NoValue`). */
  readonly atLeast: number;
  /** Whether `atLeast` is the count: nothing in the list is only known at deploy time. */
  readonly exact: boolean;
}

/**
 * The count of the list at `path`. The readers leave an intrinsic item out of a list of objects, or
 * keep it as unresolved in a list of text; either way it may or may not be there at deploy time, so
 * only the literal items count, and the list is exact only when the readers noted nothing in it.
 */
export function listCount(pipeline: PipelineModel, list: readonly unknown[], path: string): ListCount {
  let atLeast = 0;
  for (const element of list) if (!isUnresolved(element)) atLeast++;
  return { atLeast, exact: !partUnknown(pipeline, path) };
}

/**
 * Why a list of `min`–`max` items breaks its bounds ("has 4 items; the limit is 3"), or undefined when
 * it keeps them or its count is only known at deploy time.
 */
export function countProblem(count: ListCount, min: number, max: number, noun: string): string | undefined {
  if (count.atLeast > max) return `has ${count.atLeast} ${plural(count.atLeast, noun)}; the limit is ${max}`;
  if (count.exact && count.atLeast < min) return count.atLeast === 0 ? `is an empty list; it takes ${min}–${max} ${plural(max, noun)}` : `has ${count.atLeast} ${plural(count.atLeast, noun)}; it takes at least ${min}`;
  return undefined;
}

export function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
