import { ActionProps, SOURCE, cfnDeploy, check, finding, pipeline, s3Source, stage } from './builder';

/**
 * One finding per mistake, with every rule running: an empty configuration value is
 * configuration-lengths' finding alone (the rule that reads the key skips it), and an over-long
 * StackName or ActionMode is the finding of the rule that knows the key's own limit alone.
 */
const deploying = (props: ActionProps) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', props))] });
const at = { stage: 'Deploy', action: 'Deploy' };
const empty = (key: string) =>
  finding('configuration-lengths', at, `configuration value ${key} is 0 characters; values take 1–1000 (${SOURCE.API}). Fix: remove ${key} or give it a value.`);

describe('an empty value: configuration-lengths alone', () => {
  test.each([
    ['TemplateConfiguration', {}],
    ['TemplatePath', {}],
    ['StackName', {}],
    ['Capabilities', {}],
    ['ChangeSetName', { ActionMode: 'CHANGE_SET_REPLACE' }],
    ['ChangeSetName', { ActionMode: 'CHANGE_SET_EXECUTE', TemplatePath: undefined }],
    ['ActionMode', {}],
  ])('%s "" %j', (key, rest) => {
    expect(check(deploying({ configuration: { ...rest, [key]: '' } }))).toEqual([empty(key)]);
  });

  test('a missing TemplatePath, StackName, ChangeSetName or ActionMode is still its own rule\'s finding', () => {
    expect(check(deploying({ configuration: { TemplatePath: undefined } })).map((f) => f.ruleId)).toEqual(['cfn-template-artifacts']);
    expect(check(deploying({ configuration: { StackName: undefined } })).map((f) => f.ruleId)).toEqual(['cfn-stack-name']);
    expect(check(deploying({ configuration: { ActionMode: 'CHANGE_SET_REPLACE' } })).map((f) => f.ruleId)).toEqual(['cfn-change-set-name']);
    expect(check(deploying({ configuration: { ActionMode: undefined } })).map((f) => f.ruleId)).toEqual(['cfn-action-mode']);
  });
});

describe('an over-long value: the rule of the key\'s own limit alone', () => {
  test('a StackName of 1001 characters is cfn-stack-name\'s finding (limit 128), not also configuration-lengths\'', () => {
    const name = `a${'x'.repeat(1000)}`;
    expect(check(deploying({ configuration: { StackName: name } }))).toEqual([
      finding(
        'cfn-stack-name',
        at,
        `StackName "${name}" is not a valid stack name (1001 characters; the limit is 128) (${SOURCE.CLOUDFORMATION}). Fix: use a name that starts with a letter and has only letters, digits and "-", at most 128 characters.`,
      ),
    ]);
  });

  test('an ActionMode of 1001 characters is cfn-action-mode\'s finding, not also configuration-lengths\'', () => {
    const mode = 'M'.repeat(1001);
    expect(check(deploying({ configuration: { ActionMode: mode } }))).toEqual([
      finding(
        'cfn-action-mode',
        at,
        `ActionMode "${mode}" is not a CloudFormation action mode (${SOURCE.CLOUDFORMATION}). Fix: set ActionMode to one of CHANGE_SET_EXECUTE, CHANGE_SET_REPLACE, CREATE_UPDATE, DELETE_ONLY, REPLACE_ON_FAILURE.`,
      ),
    ]);
  });

  test('a TemplatePath of 1001 characters naming an input is configuration-lengths\' finding alone', () => {
    const path = `Source::${'t'.repeat(993)}`;
    expect(check(deploying({ configuration: { TemplatePath: path } }))).toEqual([
      finding('configuration-lengths', at, `configuration value TemplatePath is 1001 characters; values take 1–1000 (${SOURCE.API}). Fix: shorten TemplatePath to 1000 characters or fewer.`),
    ]);
  });

  test('on an action that is not CloudFormation, a StackName of 1001 characters is configuration-lengths\' finding', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { type: { provider: 'Custom', owner: 'Custom' }, configuration: { StackName: 's'.repeat(1001) } }))] });
    expect(check(model).filter((f) => f.ruleId === 'configuration-lengths')).toEqual([
      finding('configuration-lengths', at, `configuration value StackName is 1001 characters; values take 1–1000 (${SOURCE.API}). Fix: shorten StackName to 1000 characters or fewer.`),
    ]);
  });
});
