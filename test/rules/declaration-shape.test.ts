import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { PipelineChecks } from '../../lib/checks';
import { pipelinesFromDocument } from '../../lib/model/load-file';
import { Finding } from '../../lib/rules/finding';
import { declarationShape } from '../../lib/rules/declaration-shape';
import { validatePipeline } from '../../lib/validate';

const SHAPE = 'CodePipeline API reference, PipelineDeclaration';

/** A valid two-stage template pipeline; `change` edits its Properties before it is read. */
function templateFindings(change: (properties: any) => void): Finding[] {
  const properties: any = {
    Name: 'Release',
    RoleArn: 'arn:aws:iam::111111111111:role/release',
    ArtifactStore: { Type: 'S3', Location: 'artifacts' },
    Stages: [
      {
        Name: 'Source',
        Actions: [{
          Name: 'Source',
          ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' },
          Configuration: { S3Bucket: 'source', S3ObjectKey: 'app.zip' },
          OutputArtifacts: [{ Name: 'Src' }],
        }],
      },
      {
        Name: 'Approve',
        Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' } }],
      },
    ],
  };
  change(properties);
  const template = { Resources: { Release: { Type: 'AWS::CodePipeline::Pipeline', Properties: properties } } };
  return pipelinesFromDocument(JSON.parse(JSON.stringify(template)), 'release.json').flatMap((model) => validatePipeline(model));
}

/** The one finding each mistake makes: rule, place and message. */
const summary = (findings: Finding[]) => findings.map((f) => [f.ruleId, f.stage, f.action, f.message]);
const shape = (where: string, got: string, expected: string) =>
  `${where} is ${got}; expected ${expected} (${SHAPE}). Fix: write ${where} as ${expected}, the shape the API's PipelineDeclaration gives it.`;

test('a valid pipeline has no declaration-shape finding', () => {
  expect(templateFindings(() => undefined)).toEqual([]);
});

describe('a part of another shape than the API\'s is one error finding, never an unresolved value', () => {
  const cases: Array<[string, (p: any) => void, [string | undefined, string | undefined, string, string, string]]> = [
    ['Stages: "oops"', (p) => { p.Stages = 'oops'; }, [undefined, undefined, 'stages', 'a string ("oops")', 'a list of stages']],
    ['Actions: "str"', (p) => { p.Stages[1].Actions = 'str'; }, ['Approve', undefined, 'stages[1].actions', 'a string ("str")', 'a list of actions']],
    ['a stage that is not an object', (p) => { p.Stages[1] = 'x'; }, [undefined, undefined, 'stages[1]', 'a string ("x")', 'a stage: an object with Name and Actions']],
    ['an action that is not an object', (p) => { p.Stages[1].Actions[0] = 7; }, ['Approve', undefined, 'stages[1].actions[0]', 'a number (7)', 'an action: an object with Name and ActionTypeId']],
    ['RunOrder: [1]', (p) => { p.Stages[1].Actions[0].RunOrder = [1]; }, ['Approve', 'Approve', 'stages[1].actions[0].runOrder', 'a list of 1 item', 'a whole number']],
    ['Name: {foo: 1}', (p) => { p.Stages[1].Actions[0].Name = { foo: 1 }; }, ['Approve', '{"foo":1}', 'stages[1].actions[0].name', 'an object with key "foo"', 'text']],
    ['InputArtifacts: "x"', (p) => { p.Stages[1].Actions[0].InputArtifacts = 'x'; }, ['Approve', 'Approve', 'stages[1].actions[0].inputArtifacts', 'a string ("x")', 'a list of artifacts, each an object with Name']],
    ['an artifact that is not an object', (p) => { p.Stages[0].Actions[0].OutputArtifacts = ['Src']; }, ['Source', 'Source', 'stages[0].actions[0].outputArtifacts[0]', 'a string ("Src")', 'an artifact: an object with Name']],
    ['Configuration: "x"', (p) => { p.Stages[0].Actions[0].Configuration = 'x'; }, ['Source', 'Source', 'stages[0].actions[0].configuration', 'a string ("x")', 'an object of configuration keys and text values']],
    ['ActionTypeId: "x"', (p) => { p.Stages[1].Actions[0].ActionTypeId = 'x'; }, ['Approve', 'Approve', 'stages[1].actions[0].actionTypeId', 'a string ("x")', 'an object with Category, Owner, Provider and Version']],
    ['ArtifactStore: "x"', (p) => { p.ArtifactStore = 'x'; }, [undefined, undefined, 'artifactStore', 'a string ("x")', 'an artifact store: an object with Type and Location']],
    ['Tags: {}', (p) => { p.Tags = {}; }, [undefined, undefined, 'tags', 'an empty object', 'a list of tags, each an object with Key and Value']],
    ['a pipeline RoleArn that is a list', (p) => { p.RoleArn = ['arn']; }, [undefined, undefined, 'roleArn', 'a list of 1 item', 'text']],
    ['ArtifactStores: [null]', (p) => { p.ArtifactStores = [null]; }, [undefined, undefined, 'artifactStores[0]', 'null', 'an object with Region and ArtifactStore']],
    ['ArtifactStores: ["x"]', (p) => { p.ArtifactStores = ['x']; }, [undefined, undefined, 'artifactStores[0]', 'a string ("x")', 'an object with Region and ArtifactStore']],
    ['ArtifactStores: "x"', (p) => { p.ArtifactStores = 'x'; }, [undefined, undefined, 'artifactStores', 'a string ("x")', 'a list of objects with Region and ArtifactStore']],
  ];

  test.each(cases)('%s', (_name, change, [stage, action, where, got, expected]) => {
    const findings = templateFindings(change);
    expect(summary(findings)).toEqual([['declaration-shape', stage, action, shape(where, got, expected)]]);
    expect(findings[0].severity).toBe('error');
  });

  test('a pipeline Name that is an object names the pipeline by its JSON', () => {
    expect(templateFindings((p) => { p.Name = { foo: 1 }; })).toEqual([{
      ruleId: 'declaration-shape',
      severity: 'error',
      pipeline: '{"foo":1}',
      file: 'release.json',
      message: shape('name', 'an object with key "foo"', 'text'),
    }]);
  });

  test('Properties: null', () => {
    expect(summary(templateFindings(() => undefined).concat(
      pipelinesFromDocument({ Resources: { Release: { Type: 'AWS::CodePipeline::Pipeline', Properties: null } } }, 'release.json')
        .flatMap((model) => validatePipeline(model)),
    ))).toEqual([[
      'declaration-shape', undefined, undefined,
      'the pipeline\'s Properties is null; expected an object with the pipeline\'s RoleArn, ArtifactStore and Stages (CodePipeline API reference, PipelineDeclaration). Fix: write the pipeline\'s Properties as an object with the pipeline\'s RoleArn, ArtifactStore and Stages, the shape the API\'s PipelineDeclaration gives it.',
    ]]);
  });

  test('the model keeps malformed values apart from deploy-time ones', () => {
    const [model] = pipelinesFromDocument({
      name: 'Release',
      stages: [{ name: 'Source', actions: [{ name: 'S', runOrder: [1], configuration: { Key: { 'Fn::Sub': 'x' } } }] }, 'x'],
    });
    expect(model.unresolvedParts).toBeUndefined();
    expect(model.malformed).toEqual([
      { path: 'stages[0].actions[0].runOrder', stageIndex: 0, actionIndex: 0, expected: 'a whole number', got: 'a list of 1 item' },
      { path: 'stages[1]', stageIndex: 1, expected: 'a stage: an object with Name and Actions', got: 'a string ("x")' },
    ]);
    expect(model.stages[0].actions[0].runOrder).toEqual({ malformed: true, value: [1] });
    expect(model.stages[0].actions[0].configuration.Key).toEqual({ unresolved: true, expression: { 'Fn::Sub': 'x' } });
    expect(model.stages[1]).toEqual({ name: { malformed: true, value: 'x' }, actions: [] });
  });

  test('an intrinsic is still unresolved, not malformed, and makes no finding', () => {
    const findings = templateFindings((p) => {
      p.Stages[1].Actions = { 'Fn::If': ['Prod', [], []] };
      p.Tags = { 'Fn::If': ['Prod', [], []] };
    });
    expect(findings).toEqual([]);
  });

  test('the rule reads only the model\'s malformed parts', () => {
    const [model] = pipelinesFromDocument({ name: 'Release', stages: 'oops' });
    expect([...declarationShape.check(model, undefined as never)].map((v) => v.message)).toEqual(['stages is a string ("oops"); expected a list of stages']);
  });
});

/** A valid V2 template pipeline (connection source, trigger, variable, Commands check with conditions); `change` edits it. */
function v2Findings(change: (properties: any) => void): Finding[] {
  return templateFindings((p) => {
    p.PipelineType = 'V2';
    p.ExecutionMode = 'QUEUED';
    p.Variables = [{ Name: 'Environment', DefaultValue: 'test' }];
    p.Stages[0].Actions[0] = {
      Name: 'Source',
      ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
      Configuration: {
        ConnectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/00000000-0000-0000-0000-000000000000',
        FullRepositoryId: 'example-org/orders',
        BranchName: 'main',
      },
      OutputArtifacts: [{ Name: 'Src' }],
    };
    p.Triggers = [{
      ProviderType: 'CodeStarSourceConnection',
      GitConfiguration: { SourceActionName: 'Source', Push: [{ Branches: { Includes: ['main'] } }] },
    }];
    p.Stages[1].Actions.unshift({
      Name: 'Test',
      ActionTypeId: { Category: 'Compute', Owner: 'AWS', Provider: 'Commands', Version: '1' },
      InputArtifacts: [{ Name: 'Src' }],
      Commands: ['npm ci', 'npm test'],
      EnvironmentVariables: [{ Name: 'STAGE', Value: 'test' }],
    });
    p.Stages[1].Actions[1].RunOrder = 2;
    p.Stages[1].BeforeEntry = {
      Conditions: [{
        Result: 'FAIL',
        Rules: [{ Name: 'Window', RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'DeploymentWindow', Version: '1' }, Configuration: { Cron: 'cron(0 9 ? * MON-FRI *)' } }],
      }],
    };
    change(p);
  });
}

describe('V2 parts of another shape are one declaration-shape finding each', () => {
  test('the V2 pipeline is valid as written', () => {
    expect(v2Findings(() => undefined)).toEqual([]);
  });

  const cases: Array<[string, (p: any) => void, [string | undefined, string | undefined, string, string, string]]> = [
    ['ExecutionMode: [QUEUED]', (p) => { p.ExecutionMode = ['QUEUED']; }, [undefined, undefined, 'executionMode', 'a list of 1 item', 'text']],
    ['Variables: "Environment"', (p) => { p.Variables = 'Environment'; }, [undefined, undefined, 'variables', 'a string ("Environment")', 'a list of variables, each an object with Name, DefaultValue and Description']],
    ['GitConfiguration: "Source"', (p) => { p.Triggers[0].GitConfiguration = 'Source'; }, [undefined, undefined, 'triggers[0].gitConfiguration', 'a string ("Source")', 'a Git configuration: an object with SourceActionName, Push or PullRequest']],
    ['Includes: "main"', (p) => { p.Triggers[0].GitConfiguration.Push[0].Branches.Includes = 'main'; }, [undefined, undefined, 'triggers[0].gitConfiguration.push[0].branches.includes', 'a string ("main")', 'a list of patterns, each text']],
    ['BeforeEntry: "FAIL"', (p) => { p.Stages[1].BeforeEntry = 'FAIL'; }, ['Approve', undefined, 'stages[1].beforeEntry', 'a string ("FAIL")', 'stage conditions: an object with Conditions']],
    ['a rule that is a string', (p) => { p.Stages[1].BeforeEntry.Conditions[0].Rules = ['Window']; }, ['Approve', undefined, 'stages[1].beforeEntry.conditions[0].rules[0]', 'a string ("Window")', 'a rule: an object with Name and RuleTypeId']],
    ['a rule configuration value that is a list', (p) => { p.Stages[1].BeforeEntry.Conditions[0].Rules[0].Configuration.Cron = ['cron(0 9 ? * MON-FRI *)']; }, ['Approve', undefined, 'stages[1].beforeEntry.conditions[0].rules[0].configuration.Cron', 'a list of 1 item', 'text']],
    ['OnFailure: ROLLBACK', (p) => { p.Stages[1].OnFailure = 'ROLLBACK'; }, ['Approve', undefined, 'stages[1].onFailure', 'a string ("ROLLBACK")', 'failure conditions: an object with Result, RetryConfiguration or Conditions']],
    ['Commands: "npm test"', (p) => { p.Stages[1].Actions[0].Commands = 'npm test'; }, ['Approve', 'Test', 'stages[1].actions[0].commands', 'a string ("npm test")', 'a list of commands, each text']],
    ['an environment variable that is a string', (p) => { p.Stages[1].Actions[0].EnvironmentVariables = ['STAGE=test']; }, ['Approve', 'Test', 'stages[1].actions[0].environmentVariables[0]', 'a string ("STAGE=test")', 'an environment variable: an object with Name and Value']],
  ];

  test.each(cases)('%s', (_name, change, [stage, action, where, got, expected]) => {
    const findings = v2Findings(change);
    expect(summary(findings)).toEqual([['declaration-shape', stage, action, shape(where, got, expected)]]);
    expect(findings[0].severity).toBe('error');
  });

  test('DisableInboundStageTransitions of another shape: the fix names CloudFormation\'s shape', () => {
    expect(summary(v2Findings((p) => { p.DisableInboundStageTransitions = 'Approve'; }))).toEqual([[
      'declaration-shape', undefined, undefined,
      'disableInboundStageTransitions is a string ("Approve"); expected a list of stage transitions, each an object with StageName and Reason (CodePipeline API reference, PipelineDeclaration).'
        + ' Fix: write disableInboundStageTransitions as a list of stage transitions, each an object with StageName and Reason, the shape CloudFormation\'s AWS::CodePipeline::Pipeline gives it.',
    ]]);
  });

  test('an intrinsic V2 part is unresolved and makes no finding', () => {
    expect(v2Findings((p) => {
      p.Variables = { 'Fn::If': ['Prod', [], []] };
      p.Stages[1].Actions[0].Commands = ['npm ci', { 'Fn::Sub': 'npm run test -- ${Env}' }];
      p.Stages[1].BeforeEntry = { 'Fn::If': ['Prod', { Conditions: [] }, { Ref: 'AWS::NoValue' }] };
    })).toEqual([]);
  });
});

describe('the other rules stay quiet on malformed parts', () => {
  test('a stage that is not an object first: no source-stage, stage-name or actions-per-stage finding', () => {
    expect(summary(templateFindings((p) => { p.Stages[0] = null; })).map(([rule]) => rule)).toEqual(['declaration-shape']);
  });

  test('a malformed action list: no actions-per-stage or artifact-flow finding', () => {
    expect(summary(templateFindings((p) => {
      p.Stages[0].Actions = 'x';
      p.Stages[1].Actions[0] = {
        Name: 'Build',
        ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
        Configuration: { ProjectName: 'build' },
        InputArtifacts: [{ Name: 'Src' }],
      };
    })).map(([rule]) => rule)).toEqual(['declaration-shape']);
  });

  test('a malformed configuration: no S3 source or CloudFormation finding', () => {
    expect(summary(templateFindings((p) => {
      p.Stages[1].Actions[0] = {
        Name: 'Deploy',
        ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
        Configuration: ['ActionMode', 'CREATE_UPDATE'],
      };
    })).map(([rule]) => rule)).toEqual(['declaration-shape']);
  });

  test('a malformed configuration value is configuration-lengths\' one finding', () => {
    expect(summary(templateFindings((p) => {
      p.Stages[1].Actions[0] = {
        Name: 'Deploy',
        ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
        InputArtifacts: [{ Name: 'Src' }],
        Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: { path: 'Src::t.yaml' }, ParameterOverrides: { A: 'b' } },
      };
    })).map(([rule, , , message]) => `${rule}: ${(message as string).split(' (')[0]}`)).toEqual([
      'configuration-lengths: configuration value TemplatePath is a JSON object or list; the API takes text',
      'configuration-lengths: configuration value ParameterOverrides is a JSON object or list; the API takes text',
    ]);
  });
});

describe('at synth', () => {
  test('ArtifactStores: [null] on a CfnPipeline fails synth with the finding, not a TypeError', () => {
    const app = new App();
    const stack = new Stack(app, 'Raw', { env: { account: '111111111111', region: 'us-east-1' } });
    const pipeline = new codepipeline.CfnPipeline(stack, 'Pipeline', {
      roleArn: 'arn:aws:iam::111111111111:role/release',
      stages: [
        { name: 'Source', actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, outputArtifacts: [{ name: 'Src' }] }] },
        { name: 'Approve', actions: [{ name: 'Approve', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } }] },
      ],
    });
    pipeline.addPropertyOverride('ArtifactStores', [null, 'x']);
    PipelineChecks.of(app);
    expect(() => app.synth()).toThrow(
      `[Raw/Pipeline] [declaration-shape] pipeline "Pipeline": ${shape('artifactStores[0]', 'null', 'an object with Region and ArtifactStore')}`,
    );
    expect(() => app.synth()).toThrow(shape('artifactStores[1]', 'a string ("x")', 'an object with Region and ArtifactStore'));
  });
});
