import { pipelinesFromTemplate } from '../../lib/model/from-cloudformation';
import { ActionModel, ConditionModel, PipelineModel, PipelineVariableModel, StageModel } from '../../lib/model/pipeline-model';
import { variableReferenceFormat } from '../../lib/rules/variable-reference-format';
import { variableReferences } from '../../lib/rules/variable-references';
import { ActionProps, approval, check, codeBuild, finding, pipeline, ref, s3Source, stage, sub } from './builder';

const VARIABLES = 'CodePipeline user guide, Variables reference';

/** Source (namespace SourceVariables) → Build (namespace BuildVariables) → the stages given. */
function flow(...later: StageModel[]): StageModel[] {
  return [
    stage('Source', s3Source('Source', { namespace: 'SourceVariables' })),
    stage('Build', codeBuild('Build', { namespace: 'BuildVariables' })),
    ...later,
  ];
}
/** A manual approval whose CustomData is `text`. */
const approve = (text: string, props: ActionProps = {}) => approval('Approve', { ...props, configuration: { CustomData: text } });
const model = (stages: StageModel[], variables?: PipelineVariableModel[]): PipelineModel => ({ ...pipeline({ stages }), ...(variables ? { variables } : {}) });
const errors = (m: PipelineModel) => check(m, variableReferences);
const warnings = (m: PipelineModel) => check(m, variableReferenceFormat);
const atApprove = { stage: 'Release', action: 'Approve' };
const laterFix = (action: string) => `move action "${action}" to an earlier stage, or give it a lower runOrder in this stage, or reference a variable produced earlier.`;

describe('variable-references', () => {
  test('codepipeline, a declared variable and the namespaces of earlier stages pass', () => {
    const m = model(flow(stage('Release', approve('Release #{codepipeline.PipelineExecutionId} of #{SourceVariables.VersionId} to #{variables.env}, built #{BuildVariables.BUILD_ID}'))), [{ name: 'env' }]);
    expect(errors(m)).toEqual([]);
    expect(warnings(m)).toEqual([]);
  });

  test('the same stage at a lower runOrder passes; at the same runOrder or later it is an error naming both actions', () => {
    const release = (buildOrder: number) => model([
      stage('Source', s3Source('Source', { namespace: 'SourceVariables' })),
      stage('Release', codeBuild('Test', { namespace: 'TestVariables', runOrder: buildOrder }), approve('#{TestVariables.RESULT}', { runOrder: 2 })),
    ]);
    expect(errors(release(1))).toEqual([]);
    expect(errors(release(2))).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{TestVariables.RESULT}: namespace "TestVariables" is stage "Release", action "Test", which runs at the same time (runOrder 2) (${VARIABLES}). Fix: ${laterFix('Test')}`),
    ]);
    expect(errors(release(3))).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{TestVariables.RESULT}: namespace "TestVariables" is stage "Release", action "Test", which runs later (runOrder 3 > 2) (${VARIABLES}). Fix: ${laterFix('Test')}`),
    ]);
  });

  test('a namespace of a later stage is an error', () => {
    const m = model([
      stage('Source', s3Source('Source', { namespace: 'SourceVariables' })),
      stage('Release', approve('#{DeployVariables.StackId}')),
      stage('Deploy', codeBuild('Deploy', { namespace: 'DeployVariables' })),
    ]);
    expect(errors(m)).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{DeployVariables.StackId}: namespace "DeployVariables" is stage "Deploy", action "Deploy", which is in a later stage (${VARIABLES}). Fix: ${laterFix('Deploy')}`),
    ]);
  });

  test('an unknown namespace is an error; not when a namespace or the stage list is only known at deploy time', () => {
    const unknown = flow(stage('Release', approve('#{Build.Version}')));
    expect(errors(model(unknown))).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{Build.Version}, but no action has the namespace "Build" (${VARIABLES}). Fix: set namespace "Build" on the action that produces the variable, or reference codepipeline, variables or the namespace of an action that runs earlier.`),
    ]);
    const hidden = [stage('Source', s3Source('Source', { namespace: ref('Namespace') })), stage('Release', approve('#{Build.Version}'))];
    expect(errors(model(hidden))).toEqual([]);
    expect(errors({ ...model(unknown), unresolvedParts: ['stages[1].actions'] })).toEqual([]);
  });

  test('an action reading its own namespace is an error', () => {
    const m = model([stage('Source', s3Source()), stage('Release', approval('Approve', { namespace: 'Approval', configuration: { CustomData: '#{Approval.ApprovedBy}' } }))]);
    expect(errors(m)).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{Approval.ApprovedBy}, the action's own namespace; its variables exist only once it has run (${VARIABLES}). Fix: reference a variable of an action that runs earlier.`),
    ]);
  });

  test('an undeclared pipeline variable is an error; not when the variable list is only known at deploy time', () => {
    const stages = flow(stage('Release', approve('#{variables.stage}')));
    const fix = 'declare "stage" in the pipeline\'s variables, or reference a declared one.';
    expect(errors(model(stages))).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{variables.stage}, but the pipeline declares no variable "stage" (it declares none) (${VARIABLES}). Fix: ${fix}`),
    ]);
    const many = ['env', 'a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name }));
    expect(errors(model(stages, many))).toEqual([
      finding('variable-references', atApprove, `configuration value CustomData references #{variables.stage}, but the pipeline declares no variable "stage" (declared: env, a, b, c, d, and 2 more) (${VARIABLES}). Fix: ${fix}`),
    ]);
    expect(errors(model(stages, [{ name: 'stage' }]))).toEqual([]);
    expect(errors(model(stages, [{ name: ref('VariableName') }]))).toEqual([]);
    expect(errors({ ...model(stages), unresolvedParts: ['variables'] })).toEqual([]);
  });

  test('values only known at deploy time and references built from other text are skipped', () => {
    const m = model(flow(stage('Release',
      approval('Approve', { configuration: { CustomData: sub('#{Nope.x} in ${AWS::Region}'), ExternalEntityLink: '#{${Prefix}Variables.x} #{#{variables.name}.x}' } }))));
    expect(errors(m)).toEqual([]);
    expect(warnings(m)).toEqual([]);
  });

  test('V2: commands, environment variable values and stage-condition rule configuration are read', () => {
    const commands: ActionModel = {
      ...codeBuild('Run', { runOrder: 1 }),
      actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1' },
      configuration: {},
      commands: ['echo #{SourceVariables.VersionId}', 'echo #{Later.x}'],
      environmentVariables: [{ name: 'TAG', value: '#{Later.y}' }],
    };
    const entry = (variable: string): ConditionModel => ({
      result: 'FAIL',
      rules: [{ name: 'Check', ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'VariableCheck', version: '1' }, configuration: { Variable: variable, Value: 'main', Operator: 'EQ' }, inputArtifacts: [] }],
    });
    const m = model([
      stage('Source', s3Source('Source', { namespace: 'SourceVariables' })),
      { ...stage('Run', commands, codeBuild('Later', { namespace: 'Later', runOrder: 2 })), beforeEntry: { conditions: [entry('#{SourceVariables.BranchName}'), entry('#{Later.z}')] }, onSuccess: { conditions: [entry('#{Later.z}')] } },
    ]);
    const at = { stage: 'Run', action: 'Run' };
    expect(errors(m)).toEqual([
      finding('variable-references', at, `command 2 references #{Later.x}: namespace "Later" is stage "Run", action "Later", which runs later (runOrder 2 > 1) (${VARIABLES}). Fix: ${laterFix('Later')}`),
      finding('variable-references', at, `environment variable TAG references #{Later.y}: namespace "Later" is stage "Run", action "Later", which runs later (runOrder 2 > 1) (${VARIABLES}). Fix: ${laterFix('Later')}`),
      finding('variable-references', { stage: 'Run' }, `beforeEntry rule "Check" configuration value Variable references #{Later.z}: namespace "Later" is stage "Run", action "Later", which is in this stage, whose beforeEntry conditions are checked before any of its actions run (${VARIABLES}). Fix: move action "Later" to an earlier stage, or reference a variable produced earlier.`),
    ]);
  });
});

describe('variable-reference-format', () => {
  test('text that opens #{ without the form #{namespace.key} is a warning', () => {
    const fix = 'write the reference as #{namespace.key} with a namespace and key of letters, digits, "@", "_" and "-", or remove the "#{".';
    const m = model(flow(stage('Release', approve('#{SourceVariables} #{Source Variables.x} #{SourceVariables.Commit Id} #{codepipeline.PipelineExecutionId'))));
    const warning = (text: string, problem: string) =>
      finding('variable-reference-format', atApprove, `configuration value CustomData holds "${text}", which is not a reference of the form #{namespace.key}: ${problem} (${VARIABLES}). Fix: ${fix}`, 'warning');
    expect(warnings(m)).toEqual([
      warning('#{SourceVariables}', 'it has no "." between namespace and key'),
      warning('#{Source Variables.x}', 'its namespace "Source Variables" is not 1 or more of letters, digits, "@", "_" and "-"'),
      warning('#{SourceVariables.Commit Id}', 'its key "Commit Id" is not 1 or more of letters, digits, "@", "_" and "-"'),
      warning('#{codepipeline.PipelineExecutionId', 'it has no closing "}"'),
    ]);
    expect(errors(m)).toEqual([]);
  });

  test('a built-in variable the user guide does not list is a warning, not an error', () => {
    const m = model(flow(stage('Release', approve('#{codepipeline.PipelineName}'))));
    expect(warnings(m)).toEqual([
      finding('variable-reference-format', atApprove, `configuration value CustomData references #{codepipeline.PipelineName}; the user guide lists only PipelineExecutionId in the codepipeline namespace (${VARIABLES}). Fix: use #{codepipeline.PipelineExecutionId}, or declare a pipeline variable and reference #{variables.name}.`, 'warning'),
    ]);
    expect(errors(m)).toEqual([]);
  });

  test('a namespace that differs only in case is a warning, not an unknown namespace', () => {
    const m = model(flow(stage('Release', approve('#{sourceVariables.VersionId} #{CodePipeline.PipelineExecutionId}'))));
    expect(warnings(m)).toEqual([
      finding('variable-reference-format', atApprove, `configuration value CustomData references #{sourceVariables.VersionId}; namespaces are case-sensitive, and the pipeline has "SourceVariables" (${VARIABLES}). Fix: write the namespace as "SourceVariables".`, 'warning'),
      finding('variable-reference-format', atApprove, `configuration value CustomData references #{CodePipeline.PipelineExecutionId}; namespaces are case-sensitive, and the pipeline has "codepipeline" (${VARIABLES}). Fix: write the namespace as "codepipeline".`, 'warning'),
    ]);
    expect(errors(m)).toEqual([]);
  });

  test('a reference longer than 80 characters is shortened in the message', () => {
    const key = 'K'.repeat(100);
    const [warning] = warnings(model(flow(stage('Release', approve(`#{${key}}`)))));
    expect(warning.message).toBe(`configuration value CustomData holds "#{${'K'.repeat(78)}…", which is not a reference of the form #{namespace.key}: it has no "." between namespace and key (${VARIABLES}). Fix: write the reference as #{namespace.key} with a namespace and key of letters, digits, "@", "_" and "-", or remove the "#{".`);
  });
});

describe('read from a template', () => {
  test('a V2 template: references in commands, environment variables and a beforeEntry rule are checked', () => {
    const template = {
      Resources: {
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: 'Release',
            PipelineType: 'V2',
            RoleArn: 'arn:aws:iam::111111111111:role/pipeline',
            ArtifactStore: { Type: 'S3', Location: 'artifacts' },
            Variables: [{ Name: 'env', DefaultValue: 'test' }],
            Stages: [
              {
                Name: 'Source',
                Actions: [{
                  Name: 'Source', Namespace: 'SourceVariables', OutputArtifacts: [{ Name: 'Src' }],
                  ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' },
                  Configuration: { S3Bucket: 'b', S3ObjectKey: 'app.zip' },
                }],
              },
              {
                Name: 'Run',
                BeforeEntry: { Conditions: [{ Result: 'FAIL', Rules: [{
                  Name: 'OnMain', RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' },
                  Configuration: { Variable: '#{Later.x}', Value: 'main', Operator: 'EQ' },
                }] }] },
                Actions: [
                  {
                    Name: 'Run', InputArtifacts: [{ Name: 'Src' }],
                    ActionTypeId: { Category: 'Compute', Owner: 'AWS', Provider: 'Commands', Version: '1' },
                    Commands: ['echo #{variables.env} #{variables.missing}'],
                    EnvironmentVariables: [{ Name: 'VERSION', Value: '#{SourceVariables.VersionId}' }],
                  },
                  {
                    Name: 'Later', Namespace: 'Later', RunOrder: 2, InputArtifacts: [{ Name: 'Src' }],
                    ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
                    Configuration: { ProjectName: 'p' },
                  },
                ],
              },
            ],
          },
        },
      },
    };
    const [m] = pipelinesFromTemplate(template);
    expect(errors(m).map((f) => f.message.split(' (CodePipeline')[0])).toEqual([
      'command 1 references #{variables.missing}, but the pipeline declares no variable "missing" (declared: env)',
      'beforeEntry rule "OnMain" configuration value Variable references #{Later.x}: namespace "Later" is stage "Run", action "Later", which is in this stage, whose beforeEntry conditions are checked before any of its actions run',
    ]);
  });
});
