import { Token } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { V2_LIMITS } from '../rules/v2-limits';

/**
 * A pipeline-level variable (V2): a value each run may override when it is started, referenced in
 * action configuration as `#{variables.NAME}` (see `PipelineVariable.reference`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html#reference-variables-concepts-pipeline
 */
export interface PipelineVariableProps {
  /**
   * The variable's name: 1–128 letters, digits, "@", "-" and "_".
   * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariableDeclaration.html
   */
  readonly name: string;
  /**
   * The value a run gets when it is started without one: 1–1000 characters.
   * @default - none: a run started without a value for the variable fails to start
   */
  readonly defaultValue?: string;
  /**
   * What the variable is for, shown when a run is started by hand: at most 200 characters.
   * @default - no description
   */
  readonly description?: string;
}

/** How a pipeline variable is referenced in action configuration. */
export class PipelineVariable {
  /** `#{variables.NAME}`. */
  public static reference(name: string): string {
    return `#{variables.${name}}`;
  }

  private constructor() {}
}

/** Checks the variables prop in the pipeline's constructor; `where` names the pipeline. */
export function validateVariables(where: string, variables: readonly PipelineVariableProps[]): void {
  const { maxVariables, variableName, maxVariableDefaultValueLength, maxVariableDescriptionLength } = V2_LIMITS;
  if (variables.length > maxVariables) {
    throw new Error(`${where}: variables has ${variables.length} variables; the limit is ${maxVariables} per pipeline. Remove ${variables.length - maxVariables}.`);
  }
  const seen = new Set<string>();
  for (const [index, variable] of variables.entries()) {
    const at = `${where}: variables[${index}]`;
    const name = variable.name;
    if (!Token.isUnresolved(name)) {
      if (name.length === 0 || name.length > variableName.maxLength) {
        throw new Error(`${at}: name "${name}" is ${name.length} characters; a variable name is 1–${variableName.maxLength} characters.`);
      }
      if (!variableName.pattern.test(name)) {
        throw new Error(`${at}: name "${name}" contains ${badCharacters(name, variableName.pattern)}; only ${variableName.allowed} are allowed.`);
      }
      if (seen.has(name)) throw new Error(`${at}: name "${name}" is declared twice; give each variable its own name.`);
      seen.add(name);
    }
    const value = variable.defaultValue;
    if (value !== undefined && !Token.isUnresolved(value) && (value.length === 0 || value.length > maxVariableDefaultValueLength)) {
      throw new Error(`${at}: defaultValue of "${name}" is ${value.length} characters; a default value is 1–${maxVariableDefaultValueLength} characters (leave it out for no default).`);
    }
    const description = variable.description;
    if (description !== undefined && !Token.isUnresolved(description) && description.length > maxVariableDescriptionLength) {
      throw new Error(`${at}: description of "${name}" is ${description.length} characters; the limit is ${maxVariableDescriptionLength}.`);
    }
  }
}

/** aws-cdk-lib's variables for the validated props. */
export function toPipelineVariables(variables: readonly PipelineVariableProps[]): codepipeline.Variable[] {
  return variables.map((v) => new codepipeline.Variable({ variableName: v.name, defaultValue: v.defaultValue, description: v.description }));
}

/** `"!", " "`: each character of `text` outside `pattern`, once, in order. */
export function badCharacters(text: string, pattern: RegExp): string {
  return [...new Set([...text].filter((c) => !pattern.test(c)))].map((c) => JSON.stringify(c)).join(', ');
}
