import { actionName } from '../../lib/rules/action-name';
import { actionType } from '../../lib/rules/action-type';
import { artifactName } from '../../lib/rules/artifact-name';
import { pipelineName } from '../../lib/rules/pipeline-name';
import { stageName } from '../../lib/rules/stage-name';
import { variableNamespace } from '../../lib/rules/variable-namespace';
import { SOURCE, cfnDeploy, check, finding, pipeline, s3Source, stage } from './builder';

const NAME_CHARS = 'letters, digits, ".", "@", "_" and "-"';

describe('pipeline-name', () => {
  test('a name with a character outside the API pattern is an error', () => {
    expect(check(pipeline({ name: 'Release!' }), pipelineName)).toEqual([
      finding('pipeline-name', { pipeline: 'Release!' }, `pipeline name "Release!" contains "!"; only ${NAME_CHARS} are allowed (${SOURCE.API}). Fix: remove or replace "!".`),
    ]);
  });

  test('a name of 101 characters is an error; 100 pass', () => {
    const long = 'a'.repeat(101);
    expect(check(pipeline({ name: long }), pipelineName)).toEqual([
      finding('pipeline-name', { pipeline: long }, `pipeline name "${long}" is 101 characters; the limit is 100 (${SOURCE.API}). Fix: shorten it to 100 characters or fewer.`),
    ]);
    expect(check(pipeline({ name: 'a'.repeat(100) }), pipelineName)).toEqual([]);
  });

  test('a number too large to represent (1e400 in JSON) is named as Infinity, not null', () => {
    expect(check(pipeline({ name: Number.POSITIVE_INFINITY as unknown as string }), pipelineName)).toEqual([
      finding('pipeline-name', { pipeline: 'Infinity' }, `pipeline name Infinity (the number written is too large to represent) is not a string (${SOURCE.API}). Fix: use a string of ${NAME_CHARS}.`),
    ]);
  });

  test('names with ".", "@", "_" and "-" pass', () => {
    expect(check(pipeline({ name: 'my.release@team_1-prod' }), pipelineName)).toEqual([]);
  });

  test('a name CloudFormation generates from the logical ID is not checked', () => {
    expect(check(pipeline({ name: 'Release Pipeline', nameIsGenerated: true }), pipelineName)).toEqual([]);
  });
});

describe('stage-name', () => {
  test('a space in a stage name is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy Prod', cfnDeploy())] });
    expect(check(model, stageName)).toEqual([
      finding('stage-name', { stage: 'Deploy Prod' }, `stage name "Deploy Prod" contains " "; only ${NAME_CHARS} are allowed (${SOURCE.API}). Fix: remove or replace " ".`),
    ]);
  });

  test('a valid stage name passes', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy-Prod.1', cfnDeploy())] });
    expect(check(model, stageName)).toEqual([]);
  });
});

describe('action-name', () => {
  test('an empty action name is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy(''))] });
    expect(check(model, actionName)).toEqual([
      finding('action-name', { stage: 'Deploy', action: '' }, `action name is missing or empty (${SOURCE.API}). Fix: give it a name of 1–100 characters (${NAME_CHARS}).`),
    ]);
  });

  test('a slash in an action name is an error; the same name without it passes', () => {
    const bad = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy/App'))] });
    expect(check(bad, actionName)).toEqual([
      finding('action-name', { stage: 'Deploy', action: 'Deploy/App' }, `action name "Deploy/App" contains "/"; only ${NAME_CHARS} are allowed (${SOURCE.API}). Fix: remove or replace "/".`),
    ]);
    const good = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy-App'))] });
    expect(check(good, actionName)).toEqual([]);
  });
});

describe('artifact-name', () => {
  test('a "." in an artifact name is an error where it is produced and where it is read', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source('Source', { outputs: ['app.zip'] })),
        stage('Deploy', cfnDeploy('Deploy', { inputs: ['app.zip'], configuration: { TemplatePath: 'app.zip::template.yaml' } })),
      ],
    });
    const message = `artifact name "app.zip" contains "."; only letters, digits, "_" and "-" (no "." or "@") are allowed (${SOURCE.API}). Fix: remove or replace ".".`;
    expect(check(model, artifactName)).toEqual([
      finding('artifact-name', { stage: 'Source', action: 'Source' }, message),
      finding('artifact-name', { stage: 'Deploy', action: 'Deploy' }, message),
    ]);
  });

  test('"@" is allowed in action names but not in artifact names', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source@main', { outputs: ['Src@main'] })), stage('Deploy', cfnDeploy('Deploy', { inputs: [] , configuration: { TemplatePath: undefined, ActionMode: 'DELETE_ONLY' } }))] });
    expect(check(model, artifactName)).toEqual([
      finding('artifact-name', { stage: 'Source', action: 'Source@main' }, `artifact name "Src@main" contains "@"; only letters, digits, "_" and "-" (no "." or "@") are allowed (${SOURCE.API}). Fix: remove or replace "@".`),
    ]);
    expect(check(pipeline(), artifactName)).toEqual([]);
  });
});

describe('variable-namespace', () => {
  test('a "." in a namespace is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { namespace: 'Source.Vars' })), stage('Deploy', cfnDeploy())] });
    expect(check(model, variableNamespace)).toEqual([
      finding('variable-namespace', { stage: 'Source', action: 'Source' }, `variable namespace "Source.Vars" contains "."; only letters, digits, "@", "_" and "-" (no ".") are allowed (${SOURCE.API}). Fix: remove or replace ".".`),
    ]);
  });

  test('a valid namespace passes, and the namespace is optional', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { namespace: 'SourceVariables' })), stage('Deploy', cfnDeploy())] });
    expect(check(model, variableNamespace)).toEqual([]);
    expect(check(pipeline(), variableNamespace)).toEqual([]);
  });

  test('an empty namespace is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { namespace: '' })), stage('Deploy', cfnDeploy())] });
    expect(check(model, variableNamespace)).toEqual([
      finding('variable-namespace', { stage: 'Source', action: 'Source' }, `variable namespace is missing or empty (${SOURCE.API}). Fix: give it a name of 1–100 characters (letters, digits, "@", "_" and "-" (no ".")).`),
    ]);
  });
});

describe('action-type', () => {
  test('an unknown owner and a dotted version are two errors', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { type: { owner: 'Amazon', version: '1.0' } }))] });
    expect(check(model, actionType)).toEqual([
      finding('action-type', { stage: 'Deploy', action: 'Deploy' }, `action owner "Amazon" is not one of AWS, ThirdParty, Custom (${SOURCE.API}). Fix: use AWS for AWS services, ThirdParty or Custom otherwise.`),
      finding('action-type', { stage: 'Deploy', action: 'Deploy' }, `action type version "1.0" is not 1–9 letters, digits, "_" or "-" (${SOURCE.API}). Fix: use the action type's version, "1" for AWS actions.`),
    ]);
  });

  test('an unknown category and a provider with a space are errors', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { type: { category: 'Release', provider: 'Cloud Formation' } }))] });
    expect(check(model, actionType)).toEqual([
      finding('action-type', { stage: 'Deploy', action: 'Deploy' }, `action category "Release" is not one of Source, Build, Deploy, Test, Invoke, Approval, Compute (${SOURCE.API}). Fix: use one of the categories the API defines.`),
      finding('action-type', { stage: 'Deploy', action: 'Deploy' }, `action provider "Cloud Formation" is not 1–35 letters, digits, "_" or "-" (${SOURCE.API}). Fix: use the provider name of the action type, e.g. CloudFormation.`),
    ]);
  });

  test('AWS, ThirdParty and Custom action types pass', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source(), s3Source('GitHub', { type: { owner: 'ThirdParty', provider: 'GitHub' }, outputs: ['Code'] })),
        stage('Deploy', cfnDeploy('Deploy', { type: { owner: 'Custom', provider: 'Jenkins-Build_2', version: 'v2' } })),
      ],
    });
    expect(check(model, actionType)).toEqual([]);
  });
});
