import { isUnresolved } from '../model/values';
import { containsString } from '../model/value-text';
import { CloudFormationMode, cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

/** The configuration keys each mode reads. */
const KEYS_BY_MODE: Record<CloudFormationMode, readonly string[]> = {
  CREATE_UPDATE: ['Capabilities', 'OutputFileName', 'ParameterOverrides', 'RoleArn', 'TemplatePath', 'TemplateConfiguration'],
  REPLACE_ON_FAILURE: ['Capabilities', 'OutputFileName', 'ParameterOverrides', 'RoleArn', 'TemplatePath', 'TemplateConfiguration'],
  CHANGE_SET_REPLACE: ['Capabilities', 'ChangeSetName', 'OutputFileName', 'ParameterOverrides', 'RoleArn', 'TemplatePath', 'TemplateConfiguration'],
  CHANGE_SET_EXECUTE: ['ChangeSetName', 'OutputFileName'],
  DELETE_ONLY: ['RoleArn'],
};
const ALL_MODES = ['ActionMode', 'StackName'];
/** Keys that some mode reads; keys outside this list are left alone (a newer feature, perhaps). */
const KNOWN_KEYS = new Set(Object.values(KEYS_BY_MODE).flat());
/** The keys each mode reads, ActionMode and StackName included, as sets built once rather than per action. */
const USED_BY_MODE = {} as Record<CloudFormationMode, ReadonlySet<string>>;
for (const mode of Object.keys(KEYS_BY_MODE) as CloudFormationMode[]) USED_BY_MODE[mode] = new Set([...ALL_MODES, ...KEYS_BY_MODE[mode]]);

/**
 * Configuration that the action's mode ignores: the user meant something that will not happen
 * (e.g. a RoleArn on CHANGE_SET_EXECUTE, which runs with the role the change set was created with).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export const cfnUnusedConfiguration: Rule = {
  id: 'cfn-unused-configuration',
  severity: 'warning',
  description: 'CloudFormation configuration that the action mode ignores',
  limit: 'keys per mode',
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action, mode } of cloudFormationActions(pipeline)) {
      if (mode === undefined) continue;
      const used = USED_BY_MODE[mode];
      const ignored: string[] = [];
      for (const [key, value] of Object.entries(action.configuration)) {
        if (value !== undefined && KNOWN_KEYS.has(key) && !used.has(key) && !mayBeAbsent(value)) ignored.push(key);
      }
      if (ignored.length > 0) {
        yield {
          stage,
          action,
          message: `ActionMode ${mode} ignores ${ignored.join(', ')}`,
          fix: `remove ${ignored.join(', ')}, or use a mode that reads ${ignored.length > 1 ? 'them' : 'it'} (${mode} reads ${KEYS_BY_MODE[mode].join(', ')}).`,
        };
      }
    }
  },
};

/** A value behind `Fn::If` may be `AWS::NoValue` at deploy time: the key may not be there at all. */
function mayBeAbsent(value: unknown): boolean {
  return isUnresolved(value) && containsString(value.expression, 'AWS::NoValue');
}
