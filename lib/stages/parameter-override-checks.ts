import { Token } from 'aws-cdk-lib';
import { ParameterOverride } from './parameter-override';

/**
 * A CloudFormation parameter name: letters and digits, 1–255 characters.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
const PARAMETER_NAME = /^[A-Za-z0-9]{1,255}$/;

/**
 * Checks `parameterOverrides` in the stage's constructor; `where` names the prop, e.g.
 * `TestStackStage TestStage: parameterOverrides`. Every own key counts, enumerable or not, so a key
 * `__proto__` made by `JSON.parse` or `Object.defineProperty` is reported rather than lost; an object
 * literal's `__proto__:` key sets the prototype instead, and that is reported too.
 */
export function validateParameterOverrides(overrides: unknown, where: string): void {
  if (overrides === undefined) return;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error(`${where} is ${kindOf(overrides)}; give an object from parameter name to override, e.g. { Environment: ParameterOverride.literal('test') }.`);
  }
  const prototype = Object.getPrototypeOf(overrides);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
    throw new Error(`${where} is not a plain object (its prototype is not Object.prototype): in an object literal, a key __proto__ sets the prototype instead of naming a parameter. Give a plain object whose keys are the template's parameter names.`);
  }
  for (const key of Reflect.ownKeys(overrides)) {
    if (typeof key === 'symbol') {
      throw new Error(`${where} has the symbol key ${key.toString()}; keys must be the template's parameter names.`);
    }
    if (Token.isUnresolved(key)) continue;
    if (!PARAMETER_NAME.test(key)) {
      throw new Error(`${where}: key ${JSON.stringify(key)} is not a CloudFormation parameter name: parameter names are 1–255 letters and digits (A–Z, a–z, 0–9); use the name the template's Parameters section gives it.`);
    }
    const value: unknown = Object.getOwnPropertyDescriptor(overrides, key)?.value;
    if (!(value instanceof ParameterOverride)) {
      throw new Error(`${where}.${key} is ${kindOf(value)}, not a ParameterOverride: use ParameterOverride.literal(value) for a fixed value, .artifactAttribute(artifact, attribute) for Fn::GetArtifactAtt, or .param(artifact, jsonFile, key) for Fn::GetParam.`);
    }
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'a plain object';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}
