import { cfnActionMode } from '../../lib/rules/cfn-action-mode';
import { cfnCapabilities } from '../../lib/rules/cfn-capabilities';
import { cfnChangeSetName } from '../../lib/rules/cfn-change-set-name';
import { cfnParameterOverrides } from '../../lib/rules/cfn-parameter-overrides';
import { cfnRoleAccount } from '../../lib/rules/cfn-role-account';
import { cfnStackName } from '../../lib/rules/cfn-stack-name';
import { cfnTemplateArtifacts } from '../../lib/rules/cfn-template-artifacts';
import { cfnUnusedConfiguration } from '../../lib/rules/cfn-unused-configuration';
import { ActionProps, PIPELINE_ACCOUNT, SOURCE, TEST_ACCOUNT, cfnDeploy, check, finding, intrinsic, pipeline, roleIn, s3Source, stage, sub } from './builder';

/** The default pipeline with its deploy action changed. */
const deploying = (props: ActionProps) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', props))] });
const at = { stage: 'Deploy', action: 'Deploy' };
const MODES = 'CHANGE_SET_EXECUTE, CHANGE_SET_REPLACE, CREATE_UPDATE, DELETE_ONLY, REPLACE_ON_FAILURE';

describe('cfn-action-mode', () => {
  test('a missing ActionMode is an error', () => {
    expect(check(deploying({ configuration: { ActionMode: undefined } }), cfnActionMode)).toEqual([
      finding('cfn-action-mode', at, `the CloudFormation action has no ActionMode (${SOURCE.CLOUDFORMATION}). Fix: set ActionMode to one of ${MODES}.`),
    ]);
  });

  test('an unknown ActionMode is an error', () => {
    expect(check(deploying({ configuration: { ActionMode: 'UPDATE' } }), cfnActionMode)).toEqual([
      finding('cfn-action-mode', at, `ActionMode "UPDATE" is not a CloudFormation action mode (${SOURCE.CLOUDFORMATION}). Fix: set ActionMode to one of ${MODES}.`),
    ]);
  });

  test('every mode the action reference lists passes', () => {
    for (const mode of MODES.split(', ')) {
      expect(check(deploying({ configuration: { ActionMode: mode } }), cfnActionMode)).toEqual([]);
    }
  });
});

describe('cfn-stack-name', () => {
  test('a missing StackName is an error', () => {
    expect(check(deploying({ configuration: { StackName: undefined } }), cfnStackName)).toEqual([
      finding('cfn-stack-name', at, `the CloudFormation action has no StackName (${SOURCE.CLOUDFORMATION}). Fix: set StackName to the stack the action creates, updates or deletes.`),
    ]);
  });

  test('a StackName starting with a digit or holding "_" is an error', () => {
    const fix = 'use a name that starts with a letter and has only letters, digits and "-", at most 128 characters.';
    expect(check(deploying({ configuration: { StackName: '1app' } }), cfnStackName)).toEqual([
      finding('cfn-stack-name', at, `StackName "1app" is not a valid stack name (it must start with a letter and contain only letters, digits and "-") (${SOURCE.CLOUDFORMATION}). Fix: ${fix}`),
    ]);
    const long = `a${'b'.repeat(128)}`;
    expect(check(deploying({ configuration: { StackName: long } }), cfnStackName)).toEqual([
      finding('cfn-stack-name', at, `StackName "${long}" is not a valid stack name (129 characters; the limit is 128) (${SOURCE.CLOUDFORMATION}). Fix: ${fix}`),
    ]);
  });

  test('a valid StackName of 128 characters passes', () => {
    expect(check(deploying({ configuration: { StackName: `app-${'x'.repeat(124)}` } }), cfnStackName)).toEqual([]);
  });
});

describe('cfn-change-set-name', () => {
  test('CHANGE_SET_REPLACE and CHANGE_SET_EXECUTE without a ChangeSetName are errors', () => {
    const fix = 'set ChangeSetName; the CHANGE_SET_EXECUTE action must name the change set its CHANGE_SET_REPLACE action created.';
    expect(check(deploying({ configuration: { ActionMode: 'CHANGE_SET_REPLACE' } }), cfnChangeSetName)).toEqual([
      finding('cfn-change-set-name', at, `ActionMode CHANGE_SET_REPLACE needs a ChangeSetName (${SOURCE.CLOUDFORMATION}). Fix: ${fix}`),
    ]);
    expect(check(deploying({ configuration: { ActionMode: 'CHANGE_SET_EXECUTE', ChangeSetName: undefined } }), cfnChangeSetName)).toEqual([
      finding('cfn-change-set-name', at, `ActionMode CHANGE_SET_EXECUTE needs a ChangeSetName (${SOURCE.CLOUDFORMATION}). Fix: ${fix}`),
    ]);
  });

  test('a change set mode with a ChangeSetName passes, and CREATE_UPDATE needs none', () => {
    expect(check(deploying({ configuration: { ActionMode: 'CHANGE_SET_REPLACE', ChangeSetName: 'release' } }), cfnChangeSetName)).toEqual([]);
    expect(check(deploying({}), cfnChangeSetName)).toEqual([]);
  });
});

describe('cfn-template-artifacts', () => {
  test('a template mode without TemplatePath is an error', () => {
    expect(check(deploying({ configuration: { ActionMode: 'REPLACE_ON_FAILURE', TemplatePath: undefined } }), cfnTemplateArtifacts)).toEqual([
      finding('cfn-template-artifacts', at, `ActionMode REPLACE_ON_FAILURE needs a TemplatePath (${SOURCE.CLOUDFORMATION}). Fix: set TemplatePath to "InputArtifactName::path/to/template.yaml".`),
    ]);
  });

  test('a TemplatePath without "::" is an error', () => {
    expect(check(deploying({ configuration: { TemplatePath: 'template.yaml' } }), cfnTemplateArtifacts)).toEqual([
      finding('cfn-template-artifacts', at, `TemplatePath "template.yaml" is not of the form "ArtifactName::path" (${SOURCE.CLOUDFORMATION}). Fix: write TemplatePath as "InputArtifactName::path/to/file".`),
    ]);
  });

  test('a TemplateConfiguration reading an artifact that is not an input is an error', () => {
    expect(check(deploying({ configuration: { TemplateConfiguration: 'Config::test.json' } }), cfnTemplateArtifacts)).toEqual([
      finding('cfn-template-artifacts', at, `TemplateConfiguration "Config::test.json" reads artifact "Config", which is not an input of the action (inputs: Source) (${SOURCE.CLOUDFORMATION}). Fix: add "Config" to the action's input artifacts.`),
    ]);
  });

  test('a Fn::Sub TemplatePath whose artifact is literal is still checked', () => {
    expect(check(deploying({ inputs: [], configuration: { TemplatePath: sub('Template::${TemplateFile}') } }), cfnTemplateArtifacts)).toEqual([
      finding('cfn-template-artifacts', at, `TemplatePath "Template::\${TemplateFile}" reads artifact "Template", which is not an input of the action (inputs: none) (${SOURCE.CLOUDFORMATION}). Fix: add "Template" to the action's input artifacts.`),
    ]);
  });

  test('paths naming input artifacts pass, and DELETE_ONLY needs no TemplatePath', () => {
    expect(check(deploying({ configuration: { TemplateConfiguration: 'Source::test.json' } }), cfnTemplateArtifacts)).toEqual([]);
    expect(check(deploying({ configuration: { TemplatePath: sub('Source::${TemplateFile}') } }), cfnTemplateArtifacts)).toEqual([]);
    expect(check(deploying({ inputs: [], configuration: { ActionMode: 'DELETE_ONLY', TemplatePath: undefined } }), cfnTemplateArtifacts)).toEqual([]);
  });
});

describe('cfn-parameter-overrides', () => {
  const fixLong = 'move parameters into the stage\'s template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.';

  test('ParameterOverrides over 1000 characters is an error naming the largest parameters', () => {
    const overrides = JSON.stringify({ Big: 'x'.repeat(990), Small: 'y' });
    expect(overrides.length).toBe(1012);
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is 1012 characters; the limit is 1000 (largest: Big 998, Small 11) (${SOURCE.CLOUDFORMATION}). Fix: ${fixLong}`),
    ]);
  });

  test('ParameterOverrides of exactly 1000 characters passes; 1001 is one finding among all the rules', () => {
    const of = (length: number) => JSON.stringify({ P: 'x'.repeat(length - 8) });
    expect(of(1000).length).toBe(1000);
    expect(check(deploying({ configuration: { ParameterOverrides: of(1000) } }))).toEqual([]);
    expect(check(deploying({ configuration: { ParameterOverrides: of(1001) } }))).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is 1001 characters; the limit is 1000 (largest: P 999) (${SOURCE.CLOUDFORMATION}). Fix: ${fixLong}`),
    ]);
  });

  test('a Fn::Join with a separator counts the separators: 1000 literal characters pass, 1001 fail', () => {
    // '{"A":"' + x…x + '"}' joined by "," around one Ref: the separators count once per gap.
    const join = (xs: number) => intrinsic({ 'Fn::Join': [',', ['{"A":"', 'x'.repeat(xs), { Ref: 'B' }, '"}']] });
    expect(check(deploying({ configuration: { ParameterOverrides: join(989) } }), cfnParameterOverrides)).toEqual([]);
    expect(check(deploying({ configuration: { ParameterOverrides: join(990) } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is at least 1001 characters; the limit is 1000 (${SOURCE.CLOUDFORMATION}). Fix: ${fixLong}`),
    ]);
  });

  test('an empty ParameterOverrides is configuration-lengths\' one finding, not invalid JSON', () => {
    expect(check(deploying({ configuration: { ParameterOverrides: '' } }))).toEqual([
      finding('configuration-lengths', at, `configuration value ParameterOverrides is 0 characters; values take 1–1000 (${SOURCE.API}). Fix: remove ParameterOverrides or give it a value.`),
    ]);
  });

  test('a Fn::Join whose literal parts alone exceed 1000 characters is an error', () => {
    const join = intrinsic({ 'Fn::Join': ['', ['{"Big":"', 'x'.repeat(1000), '","Id":"', { Ref: 'Id' }, '"}']] });
    expect(check(deploying({ configuration: { ParameterOverrides: join } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is at least 1018 characters; the limit is 1000 (${SOURCE.CLOUDFORMATION}). Fix: ${fixLong}`),
    ]);
  });

  test('invalid JSON and a JSON list are errors', () => {
    const fix = 'write ParameterOverrides as a JSON object of parameter names to values.';
    expect(check(deploying({ configuration: { ParameterOverrides: '[1]' } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is not a JSON object (${SOURCE.CLOUDFORMATION}). Fix: ${fix}`),
    ]);
    const [invalid] = check(deploying({ configuration: { ParameterOverrides: '{"A": ' } }), cfnParameterOverrides);
    expect(invalid.message).toMatch(new RegExp(`^ParameterOverrides is not valid JSON: .+ \\(${SOURCE.CLOUDFORMATION}\\)\\. Fix: ${fix}$`));
  });

  test('Fn::GetParam and Fn::GetArtifactAtt on an artifact that is not an input are errors ("unrecognized Artifact")', () => {
    const overrides = JSON.stringify({
      Version: { 'Fn::GetParam': ['Build', 'build.json', 'version'] },
      Key: { 'Fn::GetArtifactAtt': ['Source', 'Path'] },
      Bucket: { 'Fn::GetArtifactAtt': ['Source', 'BucketName'] },
    });
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `parameter Version: Fn::GetParam reads artifact "Build", which is not an input of the action (inputs: Source); the run would fail with "unrecognized Artifact" (${SOURCE.CLOUDFORMATION}). Fix: add "Build" to the action's input artifacts.`),
      finding('cfn-parameter-overrides', at, `parameter Key: Fn::GetArtifactAtt attribute "Path" is not one of BucketName, ObjectKey, URL (${SOURCE.CLOUDFORMATION}). Fix: use BucketName, ObjectKey, URL.`),
    ]);
  });

  test('overrides reading input artifacts pass', () => {
    const overrides = JSON.stringify({
      Stage: 'test',
      Version: { 'Fn::GetParam': ['Source', 'build.json', 'version'] },
      Key: { 'Fn::GetArtifactAtt': ['Source', 'ObjectKey'] },
    });
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([]);
  });
});

describe('cfn-capabilities', () => {
  test('capabilities separated by ", " are an error', () => {
    expect(check(deploying({ configuration: { Capabilities: 'CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND' } }), cfnCapabilities)).toEqual([
      finding('cfn-capabilities', at, `Capabilities "CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND" contains spaces (${SOURCE.CLOUDFORMATION}). Fix: separate capabilities with commas only, e.g. "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND".`),
    ]);
  });

  test('an unknown capability is an error', () => {
    expect(check(deploying({ configuration: { Capabilities: 'CAPABILITY_IAM,CAPABILITY_ADMIN' } }), cfnCapabilities)).toEqual([
      finding('cfn-capabilities', at, `Capabilities "CAPABILITY_IAM,CAPABILITY_ADMIN" has unknown value "CAPABILITY_ADMIN" (${SOURCE.CLOUDFORMATION}). Fix: use CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.`),
    ]);
  });

  test('known capabilities separated by commas pass', () => {
    expect(check(deploying({ configuration: { Capabilities: 'CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND' } }), cfnCapabilities)).toEqual([]);
  });
});

describe('cfn-role-account', () => {
  test('a stack role in another account than the action role is an error (PassRole does not cross accounts)', () => {
    const model = deploying({ roleArn: roleIn(TEST_ACCOUNT, 'pipeline-deploy'), configuration: { RoleArn: roleIn(PIPELINE_ACCOUNT, 'cfn') } });
    expect(check(model, cfnRoleAccount)).toEqual([
      finding('cfn-role-account', at, `the stack role (RoleArn) is in account ${PIPELINE_ACCOUNT} but the action runs as a role in account ${TEST_ACCOUNT}; a role cannot pass a role of another account (${SOURCE.CLOUDFORMATION}). Fix: give the action a role in account ${PIPELINE_ACCOUNT} (the action's roleArn), or use a stack role in account ${TEST_ACCOUNT}.`),
    ]);
  });

  test('without an action role, the action runs as the pipeline role, in the pipeline account', () => {
    const model = deploying({ configuration: { RoleArn: roleIn(TEST_ACCOUNT, 'cfn') } });
    expect(check(model, cfnRoleAccount)).toEqual([
      finding('cfn-role-account', at, `the stack role (RoleArn) is in account ${TEST_ACCOUNT} but the action runs as a role in account ${PIPELINE_ACCOUNT}; a role cannot pass a role of another account (${SOURCE.CLOUDFORMATION}). Fix: give the action a role in account ${TEST_ACCOUNT} (the action's roleArn), or use a stack role in account ${PIPELINE_ACCOUNT}.`),
    ]);
  });

  test('both roles in one account pass', () => {
    const model = deploying({ roleArn: roleIn(TEST_ACCOUNT, 'pipeline-deploy'), configuration: { RoleArn: roleIn(TEST_ACCOUNT, 'cfn') } });
    expect(check(model, cfnRoleAccount)).toEqual([]);
  });
});

describe('cfn-unused-configuration', () => {
  test('a RoleArn and TemplatePath on CHANGE_SET_EXECUTE are a warning: the mode ignores them', () => {
    const model = deploying({ configuration: { ActionMode: 'CHANGE_SET_EXECUTE', ChangeSetName: 'release', RoleArn: roleIn(PIPELINE_ACCOUNT, 'cfn') } });
    expect(check(model, cfnUnusedConfiguration)).toEqual([
      finding('cfn-unused-configuration', at, `ActionMode CHANGE_SET_EXECUTE ignores TemplatePath, RoleArn (${SOURCE.CLOUDFORMATION}). Fix: remove TemplatePath, RoleArn, or use a mode that reads them (CHANGE_SET_EXECUTE reads ChangeSetName, OutputFileName).`, 'warning'),
    ]);
  });

  test('a ChangeSetName on CREATE_UPDATE is a warning', () => {
    expect(check(deploying({ configuration: { ChangeSetName: 'release' } }), cfnUnusedConfiguration)).toEqual([
      finding('cfn-unused-configuration', at, `ActionMode CREATE_UPDATE ignores ChangeSetName (${SOURCE.CLOUDFORMATION}). Fix: remove ChangeSetName, or use a mode that reads it (CREATE_UPDATE reads Capabilities, OutputFileName, ParameterOverrides, RoleArn, TemplatePath, TemplateConfiguration).`, 'warning'),
    ]);
  });

  test('a key that Fn::If may drop (AWS::NoValue) is not reported: it may not be there at deploy time', () => {
    const conditionalRole = intrinsic({ 'Fn::If': ['UseRole', roleIn(PIPELINE_ACCOUNT, 'cfn'), { Ref: 'AWS::NoValue' }] });
    const model = deploying({ configuration: { ActionMode: 'CHANGE_SET_EXECUTE', ChangeSetName: 'release', TemplatePath: undefined, RoleArn: conditionalRole } });
    expect(check(model, cfnUnusedConfiguration)).toEqual([]);
  });

  test('configuration the mode reads passes, and unknown keys are left alone', () => {
    const model = deploying({ configuration: { RoleArn: roleIn(PIPELINE_ACCOUNT, 'cfn'), Capabilities: 'CAPABILITY_IAM', OutputFileName: 'out.json', SomeNewFeature: 'on' } });
    expect(check(model, cfnUnusedConfiguration)).toEqual([]);
  });
});
