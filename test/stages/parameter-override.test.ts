import { Template } from 'aws-cdk-lib/assertions';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { ReleaseBuild } from '../../lib/sources';
import { ParameterOverride, TestStackStage } from '../../lib/stages';
import { pipelineStack, release } from './fixtures';

function createAction(template: Template, stageIndex = 1): any {
  const [pipeline] = Object.values(template.findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages[stageIndex].Actions[0];
}

describe('ParameterOverride', () => {
  test('rendered configuration and inputs (artifacts the pipeline produces)', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({
      stackName: 'Test-App', templatePath: 'app.yaml', executionRole,
      parameterOverrides: {
        Environment: ParameterOverride.literal('test'),
        CodeKey: ParameterOverride.artifactAttribute(source.output, 'ObjectKey'),
        Version: ParameterOverride.param(source.output, 'version.json', 'Version'),
      },
    })]);
    const action = createAction(Template.fromStack(stack));
    expect(action.Configuration.ParameterOverrides).toBe(
      '{"Environment":"test","CodeKey":{"Fn::GetArtifactAtt":["TemplateSource","ObjectKey"]},"Version":{"Fn::GetParam":["TemplateSource","version.json","Version"]}}',
    );
    expect(action.InputArtifacts).toEqual([{ Name: 'TemplateSource' }]);
  });

  test('an artifact other than the template artifact is added to the action\'s inputs', () => {
    const { stack, source, executionRole } = pipelineStack();
    const build = new ReleaseBuild({ project: new codebuild.PipelineProject(stack, 'Build') });
    release(stack, source, [new TestStackStage({
      stackName: 'Test-App', templatePath: 'app.yaml', executionRole, templateArtifact: source.output,
      parameterOverrides: { CodeKey: ParameterOverride.artifactAttribute(build.output, 'ObjectKey') },
    })], { build });
    const action = createAction(Template.fromStack(stack), 2);
    expect(action.InputArtifacts).toEqual([{ Name: 'BuildOutput' }, { Name: 'TemplateSource' }]);
    expect(action.Configuration.ParameterOverrides).toBe('{"CodeKey":{"Fn::GetArtifactAtt":["BuildOutput","ObjectKey"]}}');
    expect(action.Configuration.TemplatePath).toBe('TemplateSource::app.yaml');
  });

  test('over 1000 characters is a synth error naming the largest parameters', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({
      stackName: 'Test-App', templatePath: 'app.yaml', executionRole,
      parameterOverrides: {
        Policy: ParameterOverride.literal('p'.repeat(600)),
        Banner: ParameterOverride.literal('b'.repeat(300)),
        Motd: ParameterOverride.literal('m'.repeat(100)),
        Small: ParameterOverride.literal('s'),
      },
    })]);
    expect(() => Template.fromStack(stack)).toThrow(
      '[Pipeline/Release/Pipeline] [cfn-parameter-overrides] stage "TestStage", action "CreateStack": ParameterOverrides is 1047 characters; the limit is 1000 (largest: Policy 611, Banner 311, Motd 109) (CloudFormation user guide, AWS CloudFormation configuration properties reference). Fix: move parameters into the stage\'s template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.',
    );
  });

  test('invalid helpers', () => {
    expect(() => ParameterOverride.artifactAttribute(new codepipeline.Artifact(), 'ObjectKey')).toThrow('ParameterOverride.artifactAttribute: the artifact has no name yet; name it (new codepipeline.Artifact(\'BuildOutput\')) or use the source\'s or build\'s output.');
    expect(() => ParameterOverride.artifactAttribute(new codepipeline.Artifact('A'), 'Arn' as any)).toThrow('ParameterOverride.artifactAttribute: attribute "Arn" is not one of BucketName, ObjectKey, URL.');
    expect(() => ParameterOverride.param(new codepipeline.Artifact('A'), '', 'K')).toThrow('ParameterOverride.param: jsonFile is empty; name the JSON file in the artifact, e.g. "outputs.json".');
    expect(() => ParameterOverride.param(new codepipeline.Artifact('A'), 'f.json', '')).toThrow('ParameterOverride.param: key is empty; name the key to read from f.json.');
    expect(() => ParameterOverride.literal(5 as any)).toThrow('ParameterOverride.literal: the value must be a string (CloudFormation parameter values are strings); got number.');
  });

  test('a plain value instead of a ParameterOverride is an error naming the parameter', () => {
    const { stack, source, executionRole } = pipelineStack();
    expect(() => release(stack, source, [new TestStackStage({
      stackName: 'Test-App', templatePath: 'app.yaml', executionRole, parameterOverrides: { Env: 'test' as any },
    })])).toThrow('TestStackStage TestStage: parameterOverrides.Env is a string, not a ParameterOverride: use ParameterOverride.literal(value) for a fixed value, .artifactAttribute(artifact, attribute) for Fn::GetArtifactAtt, or .param(artifact, jsonFile, key) for Fn::GetParam.');
  });

  describe('keys that are not CloudFormation parameter names are errors, never dropped', () => {
    const stageWith = (parameterOverrides: any) => {
      const { executionRole } = pipelineStack();
      return () => new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, parameterOverrides });
    };
    const notAName = (key: string) => `TestStackStage TestStage: parameterOverrides: key ${JSON.stringify(key)} is not a CloudFormation parameter name: parameter names are 1–255 letters and digits (A–Z, a–z, 0–9); use the name the template's Parameters section gives it.`;

    test('__proto__ from JSON.parse', () => {
      const parsed: Record<string, string> = JSON.parse('{"Env": "test", "__proto__": "x"}');
      const overrides = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, ParameterOverride.literal(value)]));
      expect(stageWith(overrides)).toThrow(notAName('__proto__'));
    });

    test('__proto__ from Object.defineProperty, enumerable or not', () => {
      for (const enumerable of [true, false]) {
        const overrides = { Env: ParameterOverride.literal('test') };
        Object.defineProperty(overrides, '__proto__', { value: ParameterOverride.literal('x'), enumerable });
        expect(stageWith(overrides)).toThrow(notAName('__proto__'));
      }
    });

    test('__proto__ in an object literal sets the prototype: reported too', () => {
      expect(stageWith({ __proto__: ParameterOverride.literal('x'), Env: ParameterOverride.literal('test') })).toThrow(
        'TestStackStage TestStage: parameterOverrides is not a plain object (its prototype is not Object.prototype): in an object literal, a key __proto__ sets the prototype instead of naming a parameter. Give a plain object whose keys are the template\'s parameter names.',
      );
    });

    test.each(['', 'db-password', 'Db_Password', 'Pässword', 'a'.repeat(256)])('key %j', (key) => {
      expect(stageWith({ [key]: ParameterOverride.literal('x') })).toThrow(notAName(key));
    });

    test('letters and digits up to 255 characters, and a null-prototype object, pass', () => {
      const overrides = Object.assign(Object.create(null), { DbPassword2: ParameterOverride.literal('x'), ['a'.repeat(255)]: ParameterOverride.literal('y') });
      expect(stageWith(overrides)).not.toThrow();
    });

    test('a plain object in place of a ParameterOverride, and a non-object, name the fix', () => {
      expect(stageWith({ Code: { 'Fn::GetParam': ['BuildOutput', 'build.json', 'Key'] } })).toThrow(
        'TestStackStage TestStage: parameterOverrides.Code is a plain object, not a ParameterOverride: use ParameterOverride.literal(value) for a fixed value, .artifactAttribute(artifact, attribute) for Fn::GetArtifactAtt, or .param(artifact, jsonFile, key) for Fn::GetParam.',
      );
      expect(stageWith([ParameterOverride.literal('x')])).toThrow(
        'TestStackStage TestStage: parameterOverrides is an array; give an object from parameter name to override, e.g. { Environment: ParameterOverride.literal(\'test\') }.',
      );
    });
  });
});
