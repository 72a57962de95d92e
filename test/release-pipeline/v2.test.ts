import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ReleasePipeline, ReleasePipelineProps } from '../../lib/release-pipeline';
import { ConditionRule, PipelineVariable, StageCondition, StageFailure } from '../../lib/release';
import { ReleaseSource, SourceTrigger } from '../../lib/sources';
import { ChangeSetStage, DeployStageProps, IReleaseStage, TestStackStage } from '../../lib/stages';
import { withBuiltinValidation } from '../helpers/validation';
import { PIPELINE_ACCOUNT, REGION } from '../stages/fixtures';

const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc';
const WHERE = 'ReleasePipeline Pipeline/Release';

function app() {
  const a = new App();
  const stack = new Stack(a, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
  const executionRole = new iam.Role(stack, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com') });
  const alarm = new cloudwatch.Alarm(stack, 'Errors', {
    metric: new cloudwatch.Metric({ namespace: 'Orders', metricName: 'Errors' }),
    threshold: 1,
    evaluationPeriods: 1,
    alarmName: 'orders-errors',
  });
  return { app: a, stack, executionRole, alarm };
}

function connection(trigger?: SourceTrigger): ReleaseSource {
  return ReleaseSource.connection({ connectionArn: CONNECTION_ARN, owner: 'octo', repo: 'templates', branch: 'main', trigger });
}

function stage(executionRole: iam.IRole, extra: Partial<DeployStageProps> & { stageName?: string } = {}): ChangeSetStage {
  return new ChangeSetStage({ stackName: 'Prod-App', changeSetName: 'Release', templatePath: 'app.yaml', executionRole, ...extra });
}

function build(stack: Stack, stages: IReleaseStage[], extra: Partial<ReleasePipelineProps> = {}): ReleasePipeline {
  return new ReleasePipeline(stack, 'Release', { pipelineName: 'release', source: connection(), stages, ...extra });
}

function pipelineOf(stack: Stack): any {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties;
}

/** Every statement of the stack's IAM policies that grants a cloudwatch action. */
function cloudWatchStatements(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('cloudwatch:')));
}

/** The full V2 pipeline the README shows: variables, a trigger, QUEUED, a window, an alarm rollback. */
function v2Pipeline() {
  const env = app();
  const test = new TestStackStage({
    stackName: 'Test-App',
    templatePath: 'app.yaml',
    executionRole: env.executionRole,
    beforeEntry: StageCondition.deploymentWindow({ cron: '0 0 9-16 ? * MON-FRI *', timeZone: 'Europe/Berlin' }),
  });
  const prod = stage(env.executionRole, {
    onFailure: StageFailure.rollback(),
    onSuccess: StageCondition.cloudWatchAlarm({ alarm: env.alarm, waitTime: Duration.minutes(30) }),
  });
  const release = new ReleasePipeline(env.stack, 'Release', {
    pipelineName: 'release',
    source: connection({
      push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['templates/**'], excludes: ['**/*.md'] } }],
      pullRequest: [{ branches: { includes: ['main'] }, events: [codepipeline.GitPullRequestEvent.OPEN, codepipeline.GitPullRequestEvent.UPDATED] }],
    }),
    executionMode: codepipeline.ExecutionMode.QUEUED,
    variables: [{ name: 'Environment', defaultValue: 'prod', description: 'Where the release goes' }],
    stages: [test, prod],
  });
  return { ...env, release };
}

describe('ReleasePipeline V2 features', () => {
  test('variables, trigger, execution mode and stage conditions, as synthesized', () => {
    const { stack, alarm } = v2Pipeline();
    const pipeline = pipelineOf(stack);
    expect(pipeline.PipelineType).toBe('V2');
    expect(pipeline.ExecutionMode).toBe('QUEUED');
    expect(pipeline.Variables).toEqual([{ Name: 'Environment', DefaultValue: 'prod', Description: 'Where the release goes' }]);
    expect(pipeline.Triggers).toEqual([{
      ProviderType: 'CodeStarSourceConnection',
      GitConfiguration: {
        SourceActionName: 'TemplateSource',
        Push: [{ Branches: { Includes: ['main'] }, FilePaths: { Includes: ['templates/**'], Excludes: ['**/*.md'] } }],
        PullRequest: [{ Branches: { Includes: ['main'] }, Events: ['OPEN', 'UPDATED'] }],
      },
    }]);
    const [source, test, prod] = pipeline.Stages;
    expect([source.BeforeEntry, source.OnFailure, source.OnSuccess]).toEqual([undefined, undefined, undefined]);
    expect(test.BeforeEntry).toEqual({
      Conditions: [{
        Result: 'FAIL',
        Rules: [{
          Name: 'DeploymentWindow-TestStage',
          RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'DeploymentWindow', Version: '1' },
          Configuration: { Cron: '0 0 9-16 ? * MON-FRI *', TimeZone: 'Europe/Berlin' },
        }],
      }],
    });
    expect([test.OnFailure, test.OnSuccess]).toEqual([undefined, undefined]);
    expect(prod.OnFailure).toEqual({ Result: 'ROLLBACK' });
    expect(prod.OnSuccess).toEqual({
      Conditions: [{
        Result: 'ROLLBACK',
        Rules: [{
          Name: 'CloudWatchAlarm-ProdStage',
          RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'CloudWatchAlarm', Version: '1' },
          Configuration: { AlarmName: { Ref: stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm) }, AlarmStates: 'ALARM', WaitTime: '30' },
        }],
      }],
    });
    expect(prod.BeforeEntry).toBeUndefined();
  });

  test('the pipeline role may describe exactly the watched alarm; a deployment window needs nothing', () => {
    const { stack, alarm } = v2Pipeline();
    expect(cloudWatchStatements(stack)).toEqual([{
      Action: 'cloudwatch:DescribeAlarms',
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm), 'Arn'] },
    }]);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const [logicalId] = Object.entries(policies).find(([, p]: [string, any]) => p.Properties.PolicyDocument.Statement.some((s: any) => s.Action === 'cloudwatch:DescribeAlarms'))!;
    expect(policies[logicalId].Properties.Roles).toEqual([{ Ref: expect.stringMatching(/^ReleasePipelineRole[0-9A-F]{8}$/) }]);

    const windowOnly = app();
    build(windowOnly.stack, [stage(windowOnly.executionRole, { beforeEntry: StageCondition.deploymentWindow({ cron: '0 0 9-16 ? * MON-FRI *' }) })]);
    expect(cloudWatchStatements(windowOnly.stack)).toEqual([]);
  });

  test('a composite alarm defined in the app is read with DescribeAlarms on *', () => {
    const { stack, executionRole, alarm } = app();
    const composite = new cloudwatch.CompositeAlarm(stack, 'Any', { alarmRule: cloudwatch.AlarmRule.anyOf(alarm) });
    build(stack, [stage(executionRole, { onSuccess: StageCondition.cloudWatchAlarm({ alarm: composite }) })]);
    expect(cloudWatchStatements(stack)).toEqual([{ Action: 'cloudwatch:DescribeAlarms', Effect: 'Allow', Resource: '*' }]);
  });

  test('the synth-time check passes on the V2 pipeline, with no warning', () => {
    const { stack } = v2Pipeline();
    expect(() => Template.fromStack(stack)).not.toThrow();
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('.*'))).toEqual([]);
  });

  test('AWS\'s CloudFormation validator accepts the V2 pipeline', () => {
    withBuiltinValidation(() => {
      const { app: a } = v2Pipeline();
      expect(a.synth().stacks.map((s) => s.stackName)).toEqual(['Pipeline']);
    });
  });

  test('retry on failure, rules of several kinds in one condition, default rule names', () => {
    const { stack, executionRole, alarm } = app();
    const other = cloudwatch.Alarm.fromAlarmName(stack, 'Latency', 'orders-latency');
    build(stack, [
      stage(executionRole, {
        stageName: 'Prod',
        onFailure: StageFailure.retry(),
        beforeEntry: StageCondition.allOf([
          ConditionRule.deploymentWindow({ cron: '0 0 9-16 ? * MON-FRI', ruleName: 'OfficeHours' }),
          ConditionRule.cloudWatchAlarm({ alarm }),
          ConditionRule.cloudWatchAlarm({ alarm: other }),
        ]),
      }),
      new TestStackStage({ stageName: 'After', stackName: 'Test-App', templatePath: 'app.yaml', executionRole, onFailure: StageFailure.retry(codepipeline.RetryMode.ALL_ACTIONS) }),
    ]);
    const [, prod, after] = pipelineOf(stack).Stages;
    expect(prod.OnFailure).toEqual({ Result: 'RETRY', RetryConfiguration: { RetryMode: 'FAILED_ACTIONS' } });
    expect(after.OnFailure).toEqual({ Result: 'RETRY', RetryConfiguration: { RetryMode: 'ALL_ACTIONS' } });
    expect(prod.BeforeEntry.Conditions[0].Rules.map((r: any) => r.Name)).toEqual(['OfficeHours', 'CloudWatchAlarm-Prod', 'CloudWatchAlarm-Prod-2']);
    expect(cloudWatchStatements(stack)).toEqual([{
      Action: 'cloudwatch:DescribeAlarms',
      Effect: 'Allow',
      Resource: [
        { 'Fn::GetAtt': [stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm), 'Arn'] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:us-east-1:111111111111:alarm:orders-latency']] },
      ],
    }]);
  });

  test('a default rule name stays within 100 characters', () => {
    const { stack, executionRole, alarm } = app();
    const stageName = 'S'.repeat(100);
    build(stack, [stage(executionRole, { stageName, onSuccess: StageCondition.allOf([ConditionRule.cloudWatchAlarm({ alarm }), ConditionRule.cloudWatchAlarm({ alarm })]) })]);
    const names = pipelineOf(stack).Stages[1].OnSuccess.Conditions[0].Rules.map((r: any) => r.Name);
    expect(names).toEqual([`CloudWatchAlarm-${'S'.repeat(84)}`, `CloudWatchAlarm-${'S'.repeat(82)}-2`]);
    expect(names.map((n: string) => n.length)).toEqual([100, 100]);
  });

  test('PipelineVariable.reference', () => {
    expect(PipelineVariable.reference('Environment')).toBe('#{variables.Environment}');
  });
});

describe('V2 props refused where they are made', () => {
  test('a V2 feature on a V1 pipeline names both props', () => {
    const v1 = { pipelineType: codepipeline.PipelineType.V1 };
    const cases: [(env: ReturnType<typeof app>) => void, string][] = [
      [(e) => build(e.stack, [stage(e.executionRole)], { ...v1, variables: [{ name: 'Env', defaultValue: 'prod' }] }), 'variables'],
      [(e) => build(e.stack, [stage(e.executionRole)], { ...v1, executionMode: codepipeline.ExecutionMode.QUEUED }), 'executionMode QUEUED'],
      [(e) => build(e.stack, [stage(e.executionRole)], { ...v1, source: connection({ push: [{ branches: { includes: ['main'] } }] }) }), 'the source\'s trigger'],
      [(e) => build(e.stack, [stage(e.executionRole, { onFailure: StageFailure.rollback() })], v1), 'stages[0] ("ProdStage") onFailure'],
      [(e) => build(e.stack, [stage(e.executionRole, { beforeEntry: StageCondition.deploymentWindow({ cron: '0 0 9 ? * * *' }) })], v1), 'stages[0] ("ProdStage") beforeEntry'],
    ];
    for (const [make, feature] of cases) {
      expect(() => make(app())).toThrow(`${WHERE}: pipelineType is V1, but ${feature} is a V2 feature; leave pipelineType out (V2 is the default) or remove ${feature}.`);
    }
    // SUPERSEDED is every pipeline type's mode.
    const e = app();
    build(e.stack, [stage(e.executionRole)], { ...v1, executionMode: codepipeline.ExecutionMode.SUPERSEDED });
    expect(pipelineOf(e.stack).ExecutionMode).toBe('SUPERSEDED');
  });

  test('PARALLEL with a rollback names both props', () => {
    const parallel = { executionMode: codepipeline.ExecutionMode.PARALLEL };
    const a = app();
    expect(() => build(a.stack, [stage(a.executionRole, { onFailure: StageFailure.rollback() })], parallel))
      .toThrow(`${WHERE}: executionMode is PARALLEL, but stages[0] ("ProdStage") onFailure rolls back, and a pipeline in PARALLEL mode cannot roll back; use executionMode QUEUED or SUPERSEDED, or remove the rollback.`);
    const b = app();
    expect(() => build(b.stack, [stage(b.executionRole, { stageName: 'Test' }), stage(b.executionRole, { stackName: 'Other', onSuccess: StageCondition.cloudWatchAlarm({ alarm: b.alarm }) })], parallel))
      .toThrow(`${WHERE}: executionMode is PARALLEL, but stages[1] ("ProdStage") onSuccess rolls back, and a pipeline in PARALLEL mode cannot roll back; use executionMode QUEUED or SUPERSEDED, or remove the rollback.`);
    // A retry, or a success condition that fails the stage, is fine in PARALLEL.
    const c = app();
    build(c.stack, [stage(c.executionRole, { onFailure: StageFailure.retry(), onSuccess: StageCondition.cloudWatchAlarm({ alarm: c.alarm, result: codepipeline.Result.FAIL }) })], parallel);
    expect(pipelineOf(c.stack).ExecutionMode).toBe('PARALLEL');
  });

  test('variables: count, name, default value and description, at the limit and one past it', () => {
    const refuse = (variables: ReleasePipelineProps['variables'], message: string) => {
      const e = app();
      expect(() => build(e.stack, [stage(e.executionRole)], { variables })).toThrow(`${WHERE}: ${message}`);
    };
    const accept = (variables: ReleasePipelineProps['variables']) => {
      const e = app();
      build(e.stack, [stage(e.executionRole)], { variables });
      return pipelineOf(e.stack).Variables;
    };
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `V${i}`, defaultValue: 'x' }));
    expect(accept(many(50))).toHaveLength(50);
    refuse(many(51), 'variables has 51 variables; the limit is 50 per pipeline. Remove 1.');
    expect(accept([{ name: 'n'.repeat(128), defaultValue: 'd'.repeat(1000), description: 'e'.repeat(200) }])).toHaveLength(1);
    refuse([{ name: 'n'.repeat(129) }], `variables[0]: name "${'n'.repeat(129)}" is 129 characters; a variable name is 1–128 characters.`);
    refuse([{ name: '' }], 'variables[0]: name "" is 0 characters; a variable name is 1–128 characters.');
    refuse([{ name: 'bad name!' }], 'variables[0]: name "bad name!" contains " ", "!"; only letters, digits, "@", "-" and "_" are allowed.');
    refuse([{ name: 'Env' }, { name: 'Env' }], 'variables[1]: name "Env" is declared twice; give each variable its own name.');
    refuse([{ name: 'Env', defaultValue: 'd'.repeat(1001) }], 'variables[0]: defaultValue of "Env" is 1001 characters; a default value is 1–1000 characters (leave it out for no default).');
    refuse([{ name: 'Env', defaultValue: '' }], 'variables[0]: defaultValue of "Env" is 0 characters; a default value is 1–1000 characters (leave it out for no default).');
    refuse([{ name: 'Env', description: 'e'.repeat(201) }], 'variables[0]: description of "Env" is 201 characters; the limit is 200.');
  });

  test('trigger filters: counts, patterns and what each filter needs, at the limit and one past it', () => {
    const refuse = (trigger: SourceTrigger, message: string) => expect(() => connection(trigger)).toThrow(`ReleaseSource.connection: trigger${message}`);
    const branches = { includes: ['main'] };
    expect(() => connection({ push: [{ branches }, { tags: { includes: ['v*'] } }, { branches: { excludes: ['wip/*'] } }], pullRequest: [{ branches }, { branches }, { branches }] })).not.toThrow();
    refuse({}, ': give push or pullRequest filters (1–3 each), or leave trigger out to start on every push to the branch.');
    refuse({ push: [{ branches }, { branches }, { branches }, { branches }] }, ': push has 4 filters; give 1–3 (leave push out for none).');
    refuse({ push: [{ branches }], pullRequest: [] }, ': pullRequest has 0 filters; give 1–3 (leave pullRequest out for none).');
    refuse({ push: [{ filePaths: { includes: ['a'] } }] }, ': push[0]: give branches or tags; a push filter matches by one of them.');
    refuse({ push: [{ tags: { includes: ['v*'] }, filePaths: { includes: ['a'] } }] }, ': push[0]: filePaths needs branches (a tag push has no changed files to match).');
    refuse({ pullRequest: [{} as any] }, ': pullRequest[0]: give branches, the branches a pull request targets.');
    refuse({ push: [{ branches: {} }] }, ': push[0].branches: give includes or excludes.');
    expect(() => connection({ push: [{ branches: { includes: Array.from({ length: 8 }, (_, i) => `b${i}`), excludes: ['x'.repeat(255)] } }] })).not.toThrow();
    refuse({ push: [{ branches: { includes: Array.from({ length: 9 }, (_, i) => `b${i}`) } }] }, ': push[0].branches.includes has 9 patterns; give 1–8.');
    refuse({ push: [{ branches, tags: { excludes: [] } }] }, ': push[0].tags.excludes has 0 patterns; give 1–8.');
    refuse({ pullRequest: [{ branches, filePaths: { excludes: ['x'.repeat(256)] } }] }, `: pullRequest[0].filePaths.excludes: pattern "${'x'.repeat(256)}" is 256 characters; a pattern is 1–255 characters.`);
    refuse({ pullRequest: [{ branches, events: [] }] }, ': pullRequest[0].events is empty; leave it out for OPEN, UPDATED and CLOSED.');
    const { OPEN, CLOSED } = codepipeline.GitPullRequestEvent;
    refuse({ pullRequest: [{ branches, events: [OPEN, CLOSED, OPEN] }] }, ': pullRequest[0].events names OPEN twice; name each event once.');
  });

  test('condition results per position, rules, cron, wait time and rule names', () => {
    const { executionRole, alarm } = app();
    const where = 'ChangeSetStage ProdStage';
    expect(() => stage(executionRole, { onSuccess: StageCondition.cloudWatchAlarm({ alarm, result: codepipeline.Result.SKIP }) }))
      .toThrow(`${where}: onSuccess has result SKIP; a onSuccess condition's result is ROLLBACK or FAIL.`);
    expect(() => stage(executionRole, { beforeEntry: StageCondition.deploymentWindow({ cron: '0 0 9 ? * * *', result: codepipeline.Result.ROLLBACK }) }))
      .toThrow(`${where}: beforeEntry has result ROLLBACK; a beforeEntry condition's result is FAIL or SKIP.`);
    expect(() => stage(executionRole, { beforeEntry: StageCondition.deploymentWindow({ cron: '0 0 9 ? * * *', result: codepipeline.Result.SKIP }) }))
      .toThrow(`${where}: beforeEntry has result SKIP and a DeploymentWindow rule; the user guide allows SKIP only with LambdaInvoke and VariableCheck rules. Use result FAIL.`);
    expect(() => ConditionRule.deploymentWindow({ cron: '0 9 ? * MON-FRI' }))
      .toThrow('ConditionRule.deploymentWindow: cron "0 9 ? * MON-FRI" has 5 fields; give 6 (seconds minutes hours day-of-month month day-of-week) and an optional year, e.g. "0 0 9-16 ? * MON-FRI *".');
    expect(() => ConditionRule.deploymentWindow({ cron: '0 0 9 ? * MON-FRI * *' })).toThrow('has 8 fields');
    expect(() => ConditionRule.cloudWatchAlarm({ alarm, waitTime: Duration.seconds(90) }))
      .toThrow('ConditionRule.cloudWatchAlarm: waitTime 1 minute 30 seconds is not a whole number of minutes; give Duration.minutes(N), N ≥ 1.');
    expect(() => ConditionRule.cloudWatchAlarm({ alarm, ruleName: 'r'.repeat(100) })).not.toThrow();
    expect(() => ConditionRule.cloudWatchAlarm({ alarm, ruleName: 'r'.repeat(101) }))
      .toThrow(`ConditionRule.cloudWatchAlarm: ruleName "${'r'.repeat(101)}" is 101 characters; a rule name is 1–100 characters.`);
    expect(() => ConditionRule.deploymentWindow({ cron: '0 0 9 ? * * *', ruleName: 'office hours' }))
      .toThrow('ConditionRule.deploymentWindow: ruleName "office hours" contains " "; only letters, digits, ".", "@", "-" and "_" are allowed.');
    const rule = () => ConditionRule.cloudWatchAlarm({ alarm });
    expect(() => StageCondition.allOf([rule(), rule(), rule(), rule(), rule()])).not.toThrow();
    expect(() => StageCondition.allOf([rule(), rule(), rule(), rule(), rule(), rule()])).toThrow('StageCondition.allOf: 6 rules; a condition has 1–5 rules.');
    expect(() => StageCondition.allOf([])).toThrow('StageCondition.allOf: 0 rules; a condition has 1–5 rules.');
  });

  test('a rule name used twice, and an alarm outside the pipeline\'s account', () => {
    const a = app();
    const window = () => StageCondition.deploymentWindow({ cron: '0 0 9 ? * * *', ruleName: 'Window' });
    expect(() => build(a.stack, [stage(a.executionRole, { stageName: 'Test', beforeEntry: window() }), stage(a.executionRole, { stackName: 'Other', beforeEntry: window() })]))
      .toThrow(`${WHERE}: rule name "Window" is used by stages[0] ("Test") beforeEntry and stages[1] ("ProdStage") beforeEntry; give each rule its own ruleName.`);
    const b = app();
    const foreign = cloudwatch.Alarm.fromAlarmArn(b.stack, 'Foreign', 'arn:aws:cloudwatch:us-east-1:333333333333:alarm:prod-errors');
    expect(() => build(b.stack, [stage(b.executionRole, { onSuccess: StageCondition.cloudWatchAlarm({ alarm: foreign }) })]))
      .toThrow(`${WHERE}: stages[0] ("ProdStage") onSuccess watches alarm Pipeline/Foreign in account 333333333333, but the rule reads alarms in the pipeline's account 111111111111; create the alarm in 111111111111.`);
    const c = app();
    const otherRegion = new Stack(c.app, 'Alarms', { env: { account: PIPELINE_ACCOUNT, region: 'eu-west-1' } });
    const alarm = new cloudwatch.Alarm(otherRegion, 'Errors', { metric: new cloudwatch.Metric({ namespace: 'Orders', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1 });
    expect(() => build(c.stack, [stage(c.executionRole, { onSuccess: StageCondition.cloudWatchAlarm({ alarm }) })]))
      .toThrow(`${WHERE}: stages[0] ("ProdStage") onSuccess watches alarm Alarms/Errors in region eu-west-1, but the rule reads alarms in the pipeline's region us-east-1; create the alarm in us-east-1.`);
  });
});
