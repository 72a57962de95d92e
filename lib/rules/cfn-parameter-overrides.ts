import { ActionModel, StageModel } from '../model/pipeline-model';
import { isMalformed, isUnresolved } from '../model/values';
import { jsonLength } from '../model/value-text';
import { cloudFormationActions, inputNames } from './cloudformation-action';
import { Rule, Sources, Violation } from './rule';

const MAX_LENGTH = 1000;
const ARTIFACT_ATTRIBUTES = ['BucketName', 'ObjectKey', 'URL'];

/**
 * ParameterOverrides is a JSON object of at most 1000 characters (this rule owns the length of a
 * CloudFormation action's ParameterOverrides, so that it is one finding); its `Fn::GetArtifactAtt` and
 * `Fn::GetParam` may only name the action's input artifacts (otherwise the run fails with
 * "unrecognized Artifact").
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-parameter-override-functions.html
 */
export const cfnParameterOverrides: Rule = {
  id: 'cfn-parameter-overrides',
  severity: 'error',
  description: 'ParameterOverrides is a JSON object ≤ 1000 characters; Fn::GetArtifactAtt/Fn::GetParam name input artifacts',
  limit: `${MAX_LENGTH} characters`,
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action } of cloudFormationActions(pipeline)) {
      const value = action.configuration.ParameterOverrides;
      // A JSON object rather than its text is configuration-lengths' finding, not this rule's.
      if (value === undefined || isMalformed(value)) continue;
      if (isUnresolved(value)) {
        // CDK renders overrides that contain tokens as Fn::Join: its literal parts are a lower bound.
        const atLeast = literalLength(value.expression);
        if (atLeast > MAX_LENGTH) {
          yield tooLong(stage, action, `at least ${atLeast}`);
        }
        continue;
      }
      const text = String(value);
      // An empty value is configuration-lengths' finding (values take 1–1000 characters), not invalid JSON.
      if (text.length === 0) continue;
      if (text.length > MAX_LENGTH) yield tooLong(stage, action, String(text.length), largestParameters(text));
      yield* functionProblems(stage, action, text);
    }
  },
};

function tooLong(stage: StageModel, action: ActionModel, length: string, largest?: string): Violation {
  return {
    stage,
    action,
    message: `ParameterOverrides is ${length} characters; the limit is ${MAX_LENGTH}${largest ? ` (largest: ${largest})` : ''}`,
    fix: 'move parameters into the stage\'s template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.',
  };
}

function* functionProblems(stage: StageModel, action: ActionModel, text: string): Generator<Violation> {
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch (error) {
    yield { stage, action, message: `ParameterOverrides is not valid JSON: ${(error as Error).message}`, fix: 'write ParameterOverrides as a JSON object of parameter names to values.' };
    return;
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    yield { stage, action, message: 'ParameterOverrides is not a JSON object', fix: 'write ParameterOverrides as a JSON object of parameter names to values.' };
    return;
  }
  const inputs = inputNames(action);
  for (const [parameter, value] of Object.entries(overrides)) {
    const problem = overrideProblem(value, inputs);
    if (problem) {
      yield { stage, action, message: `parameter ${parameter}: ${problem.message}`, fix: problem.fix };
    }
  }
}

function overrideProblem(value: unknown, inputs: Set<string>): { message: string; fix: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const [fn] = Object.keys(record);
  const args = record[fn];
  if (fn === 'Fn::GetArtifactAtt') {
    if (!Array.isArray(args) || args.length !== 2) {
      return { message: 'Fn::GetArtifactAtt takes [ArtifactName, AttributeName]', fix: 'write { "Fn::GetArtifactAtt": ["ArtifactName", "ObjectKey"] }.' };
    }
    if (!ARTIFACT_ATTRIBUTES.includes(String(args[1]))) {
      return { message: `Fn::GetArtifactAtt attribute "${String(args[1])}" is not one of ${ARTIFACT_ATTRIBUTES.join(', ')}`, fix: `use ${ARTIFACT_ATTRIBUTES.join(', ')}.` };
    }
    return artifactProblem('Fn::GetArtifactAtt', String(args[0]), inputs);
  }
  if (fn === 'Fn::GetParam') {
    if (!Array.isArray(args) || args.length !== 3) {
      return { message: 'Fn::GetParam takes [ArtifactName, JSONFileName, KeyName]', fix: 'write { "Fn::GetParam": ["ArtifactName", "file.json", "Key"] }.' };
    }
    return artifactProblem('Fn::GetParam', String(args[0]), inputs);
  }
  return undefined;
}

function artifactProblem(fn: string, artifact: string, inputs: Set<string>): { message: string; fix: string } | undefined {
  if (inputs.has(artifact)) return undefined;
  return {
    message: `${fn} reads artifact "${artifact}", which is not an input of the action (inputs: ${[...inputs].join(', ') || 'none'}); the run would fail with "unrecognized Artifact"`,
    fix: `add "${artifact}" to the action's input artifacts.`,
  };
}

/** The three parameters with the longest JSON, for the message. */
function largestParameters(text: string): string | undefined {
  try {
    const entries = Object.entries(JSON.parse(text) as Record<string, unknown>)
      // Counted without JSON.stringify, which overflows the stack on a value nested thousands deep.
      .map(([name, value]) => ({ name, size: JSON.stringify(name).length + jsonLength(value) + 1 }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 3);
    return entries.map((e) => `${e.name} ${e.size}`).join(', ');
  } catch {
    return undefined;
  }
}

/**
 * Characters of a `Fn::Join` (or `Fn::Sub`) that are literal: a lower bound of its length. Joins
 * nested in joins are summed without recursion, however deep a file nests them.
 */
function literalLength(expression: unknown): number {
  let length = 0;
  const pending: unknown[] = [expression];
  while (pending.length > 0) {
    const part = pending.pop();
    if (typeof part === 'string') {
      length += part.length;
      continue;
    }
    if (typeof part !== 'object' || part === null) continue;
    const join = (part as Record<string, unknown>)['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const parts = join[1] as unknown[];
      length += join[0].length * Math.max(0, parts.length - 1);
      for (const inner of parts) pending.push(inner);
    }
  }
  return length;
}
