import { ArtifactRef, Maybe } from './pipeline-model';
import { isIntrinsic, isRecord, item, member, Place, ReadParts, scalarAt } from './read-parts';
import { malformed, unresolved } from './values';

/** What belongs where a name, ARN or other single value belongs. */
export const TEXT = 'text';
export const WHOLE_NUMBER = 'a whole number';

const PASCAL_CASE: Record<string, string> = Object.create(null);

/**
 * A member of a declaration: the API's camelCase key (`get-pipeline`, an L1's own properties), else
 * the template's PascalCase one (`AWS::CodePipeline::Pipeline` properties): the shapes are otherwise
 * the same. Only own members count, so that no key a file lacks is found on Object.prototype.
 */
export function field(record: Record<string, unknown>, key: string): unknown {
  const value = own(record, key);
  return value !== undefined ? value : own(record, (PASCAL_CASE[key] ??= key.charAt(0).toUpperCase() + key.slice(1)));
}

export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** An optional value: absent or null is undefined; otherwise as {@link scalarAt} reads it. */
export function optionalScalar<T>(value: unknown, container: Place, name: string, expected: string, parts: ReadParts): Maybe<T> | undefined {
  return value === undefined || value === null ? undefined : scalarAt<T>(value, container, name, expected, parts);
}

/** A number; a numeric string (CloudFormation templates may quote numbers) becomes a number. */
export function optionalNumber(value: unknown, container: Place, name: string, parts: ReadParts): Maybe<number | string> | undefined {
  const v = optionalScalar<number | string>(value, container, name, WHOLE_NUMBER, parts);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return v;
}

/**
 * An artifact list (an action's or a stage condition rule's); when the list or one of its items is an
 * intrinsic, how many artifacts there are is only known at deploy time, so the list is noted as
 * unresolved (an intrinsic item keeps an unknown name).
 */
export function artifactsFrom(list: unknown, container: Place, name: string, parts: ReadParts): ArtifactRef[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    if (isIntrinsic(list)) parts.deployTime(member(container, name));
    else parts.wrongShape(member(container, name), 'a list of artifacts, each an object with Name', list);
    return [];
  }
  if (list.some(isIntrinsic)) parts.deployTime(member(container, name));
  return list.map((artifact, i) => {
    if (isIntrinsic(artifact)) return { name: unresolved(artifact) };
    if (!isRecord(artifact)) {
      parts.wrongShape(item(member(container, name), i), 'an artifact: an object with Name', artifact);
      return { name: malformed(artifact) };
    }
    return { name: scalarAt<string>(field(artifact, 'name'), container, `${name}[${i}].name`, TEXT, parts) };
  });
}
