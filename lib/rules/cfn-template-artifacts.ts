import { ActionModel } from '../model/pipeline-model';
import { isMalformed, isUnresolved } from '../model/values';
import { TEMPLATE_MODES, artifactOfPath, cloudFormationActions, inputNames } from './cloudformation-action';
import { Rule, Sources, Violation } from './rule';

/**
 * TemplatePath is required for the modes that deploy a template; it and TemplateConfiguration must
 * name one of the action's input artifacts as `Artifact::path`.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export const cfnTemplateArtifacts: Rule = {
  id: 'cfn-template-artifacts',
  severity: 'error',
  description: 'TemplatePath and TemplateConfiguration name an input artifact',
  limit: 'TemplatePath required for CREATE_UPDATE, REPLACE_ON_FAILURE, CHANGE_SET_REPLACE',
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const place of cloudFormationActions(pipeline)) {
      const { stage, action, mode } = place;
      if (mode === undefined || !TEMPLATE_MODES.includes(mode)) continue;
      if (action.configuration.TemplatePath === undefined) {
        yield { stage, action, message: `ActionMode ${mode} needs a TemplatePath`, fix: 'set TemplatePath to "InputArtifactName::path/to/template.yaml".' };
      }
      for (const key of ['TemplatePath', 'TemplateConfiguration']) {
        const problem = pathProblem(action, key);
        if (problem) yield { stage, action, ...problem };
      }
    }
  },
};

function pathProblem(action: ActionModel, key: string): Omit<Violation, 'stage' | 'action'> | undefined {
  const value = action.configuration[key];
  // A JSON object or list, or an empty value, is configuration-lengths' finding, not this rule's.
  if (value === undefined || value === '' || isMalformed(value)) return undefined;
  const text = isUnresolved(value) ? literalSubPrefix(value.expression) : String(value);
  if (text === undefined) return undefined;
  const artifact = artifactOfPath(text);
  if (artifact === undefined && isUnresolved(value)) return undefined;
  if (artifact === undefined) {
    return { message: `${key} "${text}" is not of the form "ArtifactName::path"`, fix: `write ${key} as "InputArtifactName::path/to/file".` };
  }
  const inputs = inputNames(action);
  if (!inputs.has(artifact)) {
    return {
      message: `${key} "${text}" reads artifact "${artifact}", which is not an input of the action (inputs: ${[...inputs].join(', ') || 'none'})`,
      fix: `add "${artifact}" to the action's input artifacts.`,
    };
  }
  return undefined;
}

/**
 * `{ "Fn::Sub": "TemplateSource::${FileName}" }` still names its artifact literally: the text before
 * the first "::" when it holds no substitution.
 */
function literalSubPrefix(expression: unknown): string | undefined {
  const sub = (expression as Record<string, unknown> | undefined)?.['Fn::Sub'];
  if (typeof sub !== 'string') return undefined;
  const at = sub.indexOf('::');
  return at > 0 && !sub.slice(0, at).includes('${') ? sub : undefined;
}
