import { describeValue, knownText } from '../model/values';
import { countProblem, listCount } from './list-count';
import { nameRule } from './name-rule';
import { Rule, Sources, Violation } from './rule';
import { hasVariables } from './rule-scope';
import { V2_LIMITS } from './v2-limits';


const variableNames = nameRule({
  id: 'pipeline-variables',
  what: 'pipeline variable name',
  pattern: /^[A-Za-z0-9@_-]+$/,
  allowed: 'letters, digits, "@", "_" and "-"',
  maxLength: 128,
  names: function* (pipeline) {
    for (const variable of pipeline.variables ?? []) yield { value: variable.name };
  },
});

/**
 * Pipeline-level variables (V2): how many, and the API's shapes of their names, default values and
 * descriptions.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariableDeclaration.html
 */
export const pipelineVariables: Rule = {
  id: 'pipeline-variables',
  severity: 'error',
  description: 'Pipeline variables: count, name, default value and description',
  limit: '0–50 variables; name 1–128 of letters, digits, "@", "_" and "-"; default value 1–1000, description 0–200 characters',
  source: Sources.API,
  appliesTo: hasVariables,
  *check(pipeline, context) {
    const variables = pipeline.variables ?? [];
    const tooMany = countProblem(listCount(pipeline, variables, 'variables'), 0, V2_LIMITS.maxVariables, 'variable');
    if (tooMany) yield { message: `the pipeline's variable list ${tooMany}`, fix: `declare at most ${V2_LIMITS.maxVariables} variables.` };
    yield* variableNames.check(pipeline, context);
    for (const variable of variables) {
      const name = describeValue(variable.name);
      const defaultValue = knownText(variable.defaultValue);
      if (defaultValue !== undefined && (defaultValue.length < 1 || defaultValue.length > V2_LIMITS.maxVariableDefaultValueLength)) {
        yield lengthViolation(`the default value of pipeline variable "${name}"`, defaultValue.length, 1, V2_LIMITS.maxVariableDefaultValueLength, 'leave DefaultValue out, or give it 1 to 1000 characters.');
      }
      const description = knownText(variable.description);
      if (description !== undefined && description.length > V2_LIMITS.maxVariableDescriptionLength) {
        yield lengthViolation(`the description of pipeline variable "${name}"`, description.length, 0, V2_LIMITS.maxVariableDescriptionLength, 'shorten the description to 200 characters or fewer.');
      }
    }
  },
};


function lengthViolation(what: string, length: number, min: number, max: number, fix: string): Violation {
  const message = length < min ? `${what} is empty; it takes ${min}–${max} characters` : `${what} is ${length} characters; the limit is ${max}`;
  return { message, fix };
}
