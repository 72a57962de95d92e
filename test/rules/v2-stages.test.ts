import { artifactCounts } from '../../lib/rules/artifact-counts';
import { commandsAction } from '../../lib/rules/commands-action';
import { commandsFields } from '../../lib/rules/commands-fields';
import { conditionResults } from '../../lib/rules/condition-results';
import { conditionRuleConfiguration } from '../../lib/rules/condition-rule-configuration';
import { conditionRuleUsage } from '../../lib/rules/condition-rule-usage';
import { conditionRules } from '../../lib/rules/condition-rules';
import { reservedNamespace } from '../../lib/rules/reserved-namespace';
import { stageConditions } from '../../lib/rules/stage-conditions';
import { stageRollback } from '../../lib/rules/stage-rollback';
import { uniqueNamespaces } from '../../lib/rules/unique-namespaces';
import { SOURCE, check, codeBuild, finding, pipeline, ref, s3Source, stage } from './builder';
import {
  RuleProps,
  V2_SOURCE,
  alarmRules,
  commands,
  condition,
  conditionRule,
  conditionsPipeline,
  testStagePipeline,
  texts,
  withConditions,
} from './v2-stage-builder';

const at = (ruleId: string, message: string, source: string, fix: string, where: { stage?: string; action?: string } = { stage: 'Deploy' }, severity: 'error' | 'warning' = 'error') =>
  finding(ruleId, where, `${message} (${source}). Fix: ${fix}`, severity);

describe('the V2 stage fixtures', () => {
  test('a pipeline with valid entry, success and failure conditions, and a Commands action, yields no findings from any rule', () => {
    expect(check(conditionsPipeline())).toEqual([]);
    expect(check(testStagePipeline(commands('Test', { outputVariables: ['VERSION'], environmentVariables: [{ name: 'STAGE', value: 'test' }], namespace: 'TestVariables' })))).toEqual([]);
  });
});

describe('stage-conditions', () => {
  const rule = stageConditions;
  const error = (message: string, fix: string) => at('stage-conditions', message, SOURCE.API, fix);

  test('results and retry modes outside the API enums are errors; each valid one passes', () => {
    expect(check(conditionsPipeline({ onFailure: { result: 'ROLL_BACK', retryMode: 'SOME_ACTIONS' } }), rule)).toEqual([
      error('onFailure result "ROLL_BACK" is not one of ROLLBACK, FAIL, RETRY, SKIP', 'use ROLLBACK to roll the stage back or RETRY to retry it (FAIL and SKIP are the API\'s other results).'),
      error('onFailure retryMode "SOME_ACTIONS" is not one of FAILED_ACTIONS, ALL_ACTIONS', 'use FAILED_ACTIONS to retry the failed actions, or ALL_ACTIONS to retry the whole stage.'),
    ]);
    for (const result of ['ROLLBACK', 'FAIL', 'RETRY', 'SKIP']) {
      expect(check(conditionsPipeline({ onFailure: { result, retryMode: 'ALL_ACTIONS' }, beforeEntry: [condition(result, conditionRule('A'))] }), rule)).toEqual([]);
    }
    expect(check(conditionsPipeline({ onFailure: { result: 'RETRY', retryMode: 'FAILED_ACTIONS' } }), rule)).toEqual([]);
  });

  test('a condition result outside the enum is an error, in each kind of condition', () => {
    expect(check(conditionsPipeline({ beforeEntry: [condition('BLOCK', conditionRule('A'))], onSuccess: [condition('rollback', conditionRule('B'))] }), rule)).toEqual([
      error('the beforeEntry condition\'s result "BLOCK" is not one of ROLLBACK, FAIL, RETRY, SKIP', 'use one of the results the API defines (the user guide lists which fit each kind of condition).'),
      error('the onSuccess condition\'s result "rollback" is not one of ROLLBACK, FAIL, RETRY, SKIP', 'use one of the results the API defines (the user guide lists which fit each kind of condition).'),
    ]);
  });

  test('each condition list holds exactly one condition: 2 and 0 are errors, 1 passes; onFailure may leave its list out', () => {
    const two = [condition('FAIL', conditionRule('A')), condition('FAIL', conditionRule('B'))];
    expect(check(conditionsPipeline({ beforeEntry: two, onSuccess: [], onFailure: { result: 'ROLLBACK', conditions: two } }), rule)).toEqual([
      error('beforeEntry has 2 conditions; the API takes exactly 1', 'merge them into one condition (a condition holds up to 5 rules).'),
      error('onSuccess has 0 conditions; the API takes exactly 1', 'give onSuccess one condition with its rules, or remove onSuccess.'),
      error('onFailure has 2 conditions; the API takes exactly 1', 'merge them into one condition (a condition holds up to 5 rules).'),
    ]);
    expect(check(conditionsPipeline({ onFailure: { result: 'ROLLBACK', conditions: [condition('ROLLBACK', conditionRule('A'))] } }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ onFailure: { result: 'ROLLBACK', conditions: [] } }), rule)).toHaveLength(1);
  });

  test('values only known at deploy time, and lists behind an intrinsic, are skipped', () => {
    expect(check(conditionsPipeline({ onFailure: { result: ref('Result'), retryMode: ref('Mode') }, beforeEntry: [condition(ref('EntryResult'), conditionRule('A'))] }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ beforeEntry: [] }, { unresolvedParts: ['stages[1].beforeEntry.conditions'] }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ beforeEntry: [] }, { malformed: [{ path: 'stages[1].beforeEntry', expected: 'an object', got: 'a string', stageIndex: 1 }] }), rule)).toEqual([]);
  });
});

describe('condition-results', () => {
  const rule = conditionResults;
  const warning = (message: string, fix: string) => at('condition-results', message, V2_SOURCE.STAGE_CONDITIONS, fix, { stage: 'Deploy' }, 'warning');

  test('the results the guide gives each kind of condition pass', () => {
    for (const entry of ['FAIL', 'SKIP']) {
      for (const success of ['ROLLBACK', 'FAIL']) {
        const entryRule = entry === 'SKIP' ? conditionRule('Branch', 'VariableCheck') : conditionRule('Window', 'DeploymentWindow');
        expect(check(conditionsPipeline({
          beforeEntry: [condition(entry, entryRule)],
          onSuccess: [condition(success, conditionRule('Alarm'))],
          onFailure: { result: 'ROLLBACK', conditions: [condition('ROLLBACK', conditionRule('Alarm'))] },
        }), rule)).toEqual([]);
      }
    }
    expect(check(conditionsPipeline({ onFailure: { result: 'RETRY', retryMode: 'FAILED_ACTIONS' } }), rule)).toEqual([]);
  });

  test('other results are warnings, one per condition', () => {
    expect(check(conditionsPipeline({
      beforeEntry: [condition('ROLLBACK', conditionRule('Window', 'DeploymentWindow'))],
      onSuccess: [condition('SKIP', conditionRule('Alarm'))],
      onFailure: { result: 'FAIL', conditions: [condition('RETRY', conditionRule('Alarm'))] },
    }), rule)).toEqual([
      warning('onFailure result FAIL is not one the user guide gives a failed stage (ROLLBACK or RETRY)', 'use ROLLBACK or RETRY, or leave onFailure out to let the stage fail.'),
      warning('the beforeEntry condition\'s result is ROLLBACK; the user guide gives beforeEntry conditions FAIL or SKIP', 'use FAIL or SKIP.'),
      warning('the onSuccess condition\'s result is SKIP; the user guide gives onSuccess conditions ROLLBACK or FAIL', 'use ROLLBACK or FAIL.'),
      warning('the onFailure condition\'s result is RETRY; the user guide gives onFailure conditions ROLLBACK', 'use ROLLBACK.'),
    ]);
  });

  test('a retry mode with a result other than RETRY is a warning', () => {
    expect(check(conditionsPipeline({ onFailure: { result: 'ROLLBACK', retryMode: 'ALL_ACTIONS' } }), rule)).toEqual([
      warning('onFailure sets retryMode ALL_ACTIONS with result ROLLBACK; a retry mode applies to result RETRY', 'set the onFailure result to RETRY, or remove the retry configuration.'),
    ]);
  });

  test('an entry condition that skips may hold LambdaInvoke and VariableCheck rules only', () => {
    const skip = (...rules: ReturnType<typeof conditionRule>[]) => conditionsPipeline({ beforeEntry: [condition('SKIP', ...rules)] });
    expect(check(skip(conditionRule('Branch', 'VariableCheck'), conditionRule('Health', 'LambdaInvoke')), rule)).toEqual([]);
    expect(check(skip(conditionRule('Branch', 'VariableCheck'), conditionRule('Window', 'DeploymentWindow')), rule)).toEqual([
      warning('the beforeEntry condition with result SKIP holds a DeploymentWindow rule ("Window"); only LambdaInvoke or VariableCheck rules skip a stage', 'use a LambdaInvoke or VariableCheck rule, or the result FAIL.'),
    ]);
  });

  test('results that are unknown or outside the enum are left to other rules', () => {
    expect(check(conditionsPipeline({ beforeEntry: [condition(ref('R'), conditionRule('A'))], onSuccess: [condition('NOPE', conditionRule('B'))], onFailure: { result: ref('R'), retryMode: 'ALL_ACTIONS' } }), rule)).toEqual([]);
  });
});

describe('condition-rules', () => {
  const rule = conditionRules;
  const error = (message: string, fix: string) => at('condition-rules', message, SOURCE.API, fix);

  test('5 rules in a condition pass; 6 and 0 are errors', () => {
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', ...alarmRules(5))] }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', ...alarmRules(6))], beforeEntry: [condition('FAIL')] }), rule)).toEqual([
      error('the beforeEntry condition has 0 rules; a condition takes 1–5', 'add the rule the condition checks, or remove the condition.'),
      error('the onSuccess condition has 6 rules; a condition takes 1–5', 'keep 5 rules (a stage has one condition of each kind).'),
    ]);
    expect(check(conditionsPipeline({ beforeEntry: [condition('FAIL')] }, { unresolvedParts: ['stages[1].beforeEntry.conditions[0].rules'] }), rule)).toEqual([]);
  });

  test('rule names: 100 characters of the API pattern pass; 101, a space and none are errors', () => {
    const named = (name: string | undefined) => conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule(name as string))] });
    expect(check(named('a.b@c-d_'.padEnd(100, 'x')), rule)).toEqual([]);
    const long = 'x'.repeat(101);
    expect(check(named(long), rule)).toEqual([
      error(`rule "${long}" of the onSuccess condition: the name "${long}" is not 1–100 of letters, digits, ".", "@", "_" and "-"`, 'name the rule with 1–100 of letters, digits, ".", "@", "_" and "-".'),
    ]);
    expect(check(named('alarm check'), rule)).toEqual([
      error('rule "alarm check" of the onSuccess condition: the name "alarm check" is not 1–100 of letters, digits, ".", "@", "_" and "-"', 'name the rule with 1–100 of letters, digits, ".", "@", "_" and "-".'),
    ]);
    expect(check(named(undefined), rule)).toEqual([
      error('rule 1 of the onSuccess condition: the rule has no name', 'name the rule with 1–100 of letters, digits, ".", "@", "_" and "-".'),
    ]);
  });

  test('rule type: category Rule, owner AWS, provider 1–35 and version 1–9 of the pattern', () => {
    const typed = (type: RuleProps['type']) => conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('A', 'CloudWatchAlarm', { type }))] });
    expect(check(typed({ provider: 'P'.repeat(35), version: 'v'.repeat(9) }), rule)).toEqual([]);
    expect(check(typed({ owner: undefined, version: undefined }), rule)).toEqual([]);
    expect(check(typed({ category: 'Approval', owner: 'Custom', provider: 'P'.repeat(36), version: 'v'.repeat(10) }), rule)).toEqual([
      error('rule "A" of the onSuccess condition: the rule category "Approval" is not Rule', 'set ruleTypeId.category to Rule.'),
      error('rule "A" of the onSuccess condition: the rule owner "Custom" is not AWS', 'set ruleTypeId.owner to AWS, or leave it out.'),
      error(`rule "A" of the onSuccess condition: the rule provider "${'P'.repeat(36)}" is not 1–35 letters, digits, "_" or "-"`, 'use a provider of the rule reference, e.g. CloudWatchAlarm.'),
      error(`rule "A" of the onSuccess condition: the rule type version "${'v'.repeat(10)}" is not 1–9 letters, digits, "_" or "-"`, 'use version "1".'),
    ]);
    expect(check(typed({ category: ref('C'), owner: ref('O'), provider: ref('P'), version: ref('V') }), rule)).toEqual([]);
  });

  test('configuration: 200 keys of 50 characters with values of 10000 pass; 201 keys, a 51-character key and a 10001-character value are errors', () => {
    const configured = (configuration: Record<string, string>) => conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('A', 'CloudWatchAlarm', { configuration }))] });
    const keys = (count: number) => Object.fromEntries(texts(count, 3).map((k, i) => [`${k}${i}`, 'v']));
    expect(check(configured({ ...keys(199), ['K'.repeat(50)]: 'v'.repeat(10000) }), rule)).toEqual([]);
    expect(check(configured({ ...keys(200), ['K'.repeat(51)]: 'v'.repeat(10001), Empty: '' }), rule)).toEqual([
      error('rule "A" of the onSuccess condition: the configuration has 202 keys; the limit is 200', 'remove the keys the rule type does not define.'),
      error(`rule "A" of the onSuccess condition: configuration key "${'K'.repeat(51)}" is 51 characters; keys take 1–50`, 'use the configuration key the rule type defines.'),
      error(`rule "A" of the onSuccess condition: configuration value ${'K'.repeat(51)} is 10001 characters; values take 1–10000`, `shorten ${'K'.repeat(51)}.`),
      error('rule "A" of the onSuccess condition: configuration value Empty is 0 characters; values take 1–10000', 'remove Empty or give it a value.'),
    ]);
    expect(check(configured({ AlarmName: ref('Alarm') as unknown as string }), rule)).toEqual([]);
  });

  test('timeoutInMinutes: 5 and 86400 pass; 4, 86401 and 7.5 are errors', () => {
    const timed = (timeoutInMinutes: number) => conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('A', 'CloudWatchAlarm', { timeoutInMinutes }))] });
    expect(check(timed(5), rule)).toEqual([]);
    expect(check(timed(86400), rule)).toEqual([]);
    for (const [value, text] of [[4, '4'], [86401, '86401'], [7.5, '7.5']] as const) {
      expect(check(timed(value), rule)).toEqual([
        error(`rule "A" of the onSuccess condition: timeoutInMinutes ${text} is not a whole number from 5 to 86400`, 'use a timeout between 5 minutes and 60 days, or leave it out for the rule type\'s default.'),
      ]);
    }
  });

  test('commands: 50 of 1000 characters pass; 51, an empty and a 1001-character command are errors', () => {
    const withCommands = (list: string[]) => conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('Smoke', 'Commands', { commands: list }))] });
    expect(check(withCommands([...texts(49), 'c'.repeat(1000)]), rule)).toEqual([]);
    expect(check(withCommands([...texts(49), '', 'c'.repeat(1001)]), rule)).toEqual([
      error('rule "Smoke" of the onSuccess condition: 51 commands; a rule takes 1–50', 'join commands with && or move them into a script in an input artifact.'),
      error('rule "Smoke" of the onSuccess condition: command 50 is 0 characters; a command takes 1–1000', 'remove the empty command.'),
      error('rule "Smoke" of the onSuccess condition: command 51 is 1001 characters; a command takes 1–1000', 'move the command into a script in an input artifact and run the script.'),
    ]);
    expect(check(withCommands([]), rule)).toEqual([
      error('rule "Smoke" of the onSuccess condition: 0 commands; a rule takes 1–50', 'add the commands to run, or remove commands.'),
    ]);
  });
});

describe('condition-rule-configuration', () => {
  const rule = conditionRuleConfiguration;
  const error = (message: string, fix: string) => at('condition-rule-configuration', message, V2_SOURCE.RULE_REFERENCE, fix);
  const configured = (provider: string, configuration: Record<string, string>) =>
    conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('R', provider, { configuration }))] });

  test('each documented provider with its required keys passes', () => {
    for (const provider of ['CloudWatchAlarm', 'CodeBuild', 'Commands', 'DeploymentWindow', 'LambdaInvoke', 'VariableCheck']) {
      expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('R', provider))] }), rule)).toEqual([]);
    }
  });

  test('a missing required key is an error per key', () => {
    expect(check(configured('CloudWatchAlarm', { WaitTime: '10' }), rule)).toEqual([
      error('rule "R" of the onSuccess condition: a CloudWatchAlarm rule requires AlarmName', 'set AlarmName to the name of the CloudWatch alarm to watch.'),
    ]);
    expect(check(configured('CodeBuild', {}), rule)).toEqual([
      error('rule "R" of the onSuccess condition: a CodeBuild rule requires ProjectName', 'set ProjectName to the name of the CodeBuild project to run.'),
    ]);
    expect(check(configured('DeploymentWindow', { TimeZone: 'UTC' }), rule)).toEqual([
      error('rule "R" of the onSuccess condition: a DeploymentWindow rule requires Cron', 'set Cron to a cron expression of the days and times deployments are allowed.'),
    ]);
    expect(check(configured('LambdaInvoke', { UserParameters: 'x' }), rule)).toEqual([
      error('rule "R" of the onSuccess condition: a LambdaInvoke rule requires FunctionName', 'set FunctionName to the name of the Lambda function to invoke.'),
    ]);
    expect(check(configured('VariableCheck', {}), rule)).toEqual([
      error('rule "R" of the onSuccess condition: a VariableCheck rule requires Operator', 'set Operator to EQ, CONTAINS, MATCHES or NE.'),
      error('rule "R" of the onSuccess condition: a VariableCheck rule requires Value', 'set Value to the value to compare the variable with.'),
      error('rule "R" of the onSuccess condition: a VariableCheck rule requires Variable', 'set Variable to the variable to check, e.g. #{SourceVariables.BranchName}.'),
    ]);
  });

  test('a VariableCheck operator other than EQ, CONTAINS, MATCHES and NE is an error', () => {
    for (const operator of ['EQ', 'CONTAINS', 'MATCHES', 'NE']) {
      expect(check(configured('VariableCheck', { Variable: 'v', Value: 'x', Operator: operator }), rule)).toEqual([]);
    }
    expect(check(configured('VariableCheck', { Variable: 'v', Value: 'x', Operator: 'GT' }), rule)).toEqual([
      error('rule "R" of the onSuccess condition: Operator "GT" is not one of EQ, CONTAINS, MATCHES, NE', 'use EQ (equals), CONTAINS, MATCHES (a Java regular expression) or NE (not equal).'),
    ]);
  });

  test('unknown providers, unknown values and a configuration behind an intrinsic are skipped', () => {
    expect(check(configured('Custom', {}), rule)).toEqual([]);
    expect(check(configured('VariableCheck', { Variable: 'v', Value: 'x', Operator: ref('Op') as unknown as string }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('R', 'CodeBuild', { configuration: {} }))] }, { unresolvedParts: ['stages[1].onSuccess.conditions[0].rules[0].configuration'] }), rule)).toEqual([]);
  });
});

describe('condition-rule-usage', () => {
  const rule = conditionRuleUsage;
  const warning = (message: string, fix: string) => at('condition-rule-usage', message, V2_SOURCE.RULE_REFERENCE, fix, { stage: 'Deploy' }, 'warning');

  test('an undocumented provider is a warning; providers of another shape are left to condition-rules', () => {
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('A', 'cloudwatchalarm'), conditionRule('B', 'bad provider'))] }), rule)).toEqual([
      warning('rule "A" of the onSuccess condition: provider cloudwatchalarm is not one the rule reference documents (CloudWatchAlarm, CodeBuild, Commands, DeploymentWindow, LambdaInvoke, VariableCheck)', 'check the provider\'s spelling and case; rule providers are case sensitive.'),
    ]);
  });

  test('two rules of one name in a condition are a warning, once; the same name in two conditions passes', () => {
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('Alarm'), conditionRule('Alarm'), conditionRule('Alarm'))] }), rule)).toEqual([
      warning('the onSuccess condition has two rules named "Alarm"', 'give each rule of the condition its own name.'),
    ]);
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', conditionRule('Alarm'))], onFailure: { result: 'ROLLBACK', conditions: [condition('ROLLBACK', conditionRule('Alarm'))] } }), rule)).toEqual([]);
  });

  test('a Commands rule without commands, and commands on another rule, are warnings', () => {
    const noCommands = conditionRule('Smoke', 'Commands');
    const { commands: _, ...bare } = noCommands;
    expect(check(conditionsPipeline({ onSuccess: [condition('ROLLBACK', bare, conditionRule('Alarm', 'CloudWatchAlarm', { commands: ['true'] }))] }), rule)).toEqual([
      warning('rule "Smoke" of the onSuccess condition: a Commands rule has no commands', 'give the rule the shell commands to run (1–50).'),
      warning('rule "Alarm" of the onSuccess condition: commands are set on a CloudWatchAlarm rule; only the Commands rule runs commands', 'remove commands, or make the rule a Commands rule.'),
    ]);
  });
});

describe('stage-rollback', () => {
  const rule = stageRollback;

  test('a rollback on the source stage is an error, for the onFailure result and for a condition\'s result', () => {
    const model = pipeline({
      stages: [
        withConditions(stage('Source', s3Source()), { onFailure: { result: 'ROLLBACK' }, onSuccess: [condition('ROLLBACK', conditionRule('Alarm'))] }),
        stage('Deploy', codeBuild()),
      ],
    });
    const fix = 'remove the rollback from the source stage; roll back the stages after it.';
    expect(check(model, rule)).toEqual([
      at('stage-rollback', 'the stage is a source stage, which cannot be rolled back, and its onFailure result is ROLLBACK', V2_SOURCE.STAGE_ROLLBACK, fix, { stage: 'Source' }),
      at('stage-rollback', 'the stage is a source stage, which cannot be rolled back, and its onSuccess condition\'s result is ROLLBACK', V2_SOURCE.STAGE_ROLLBACK, fix, { stage: 'Source' }),
    ]);
  });

  test('a stage holding a source action counts as a source stage; other results on the source stage pass', () => {
    const misplaced = pipeline({ stages: [stage('Source', s3Source()), withConditions(stage('More', s3Source('Other', { outputs: ['Other'] })), { onFailure: { result: 'ROLLBACK' } })] });
    expect(check(misplaced, rule)).toHaveLength(1);
    expect(check(pipeline({ stages: [withConditions(stage('Source', s3Source()), { onFailure: { result: 'RETRY' } }), stage('Deploy', codeBuild())] }), rule)).toEqual([]);
  });

  test('a PARALLEL pipeline has no rollback: a failure rollback and a rollback condition are errors citing the execution modes page', () => {
    const fix = 'remove the rollback, or use the QUEUED or SUPERSEDED execution mode.';
    expect(check(conditionsPipeline(undefined, { executionMode: 'PARALLEL' }), rule)).toEqual([
      at('stage-rollback', 'the pipeline\'s executionMode is PARALLEL, which has no stage rollback, and its onFailure result is ROLLBACK', V2_SOURCE.EXECUTION_MODES, fix),
      at('stage-rollback', 'the pipeline\'s executionMode is PARALLEL, which has no stage rollback, and its onSuccess condition\'s result is ROLLBACK', V2_SOURCE.EXECUTION_MODES, fix),
    ]);
    for (const executionMode of ['QUEUED', 'SUPERSEDED']) expect(check(conditionsPipeline(undefined, { executionMode }), rule)).toEqual([]);
    expect(check(conditionsPipeline(undefined, { executionMode: ref('Mode') as unknown as string }), rule)).toEqual([]);
    expect(check(conditionsPipeline({ onFailure: { result: 'RETRY' }, beforeEntry: [condition('FAIL', conditionRule('A'))] }, { executionMode: 'PARALLEL' }), rule)).toEqual([]);
  });
});

describe('commands-action', () => {
  const rule = commandsAction;
  const error = (message: string, fix: string, source: string = SOURCE.API) => at('commands-action', message, source, fix, { stage: 'Test', action: 'Test' });

  test('a Commands action without commands is an error citing its reference page', () => {
    expect(check(testStagePipeline(commands('Test', { commands: null })), rule)).toEqual([
      error('a Commands action has no commands', 'give it the shell commands to run (1–50).', V2_SOURCE.COMMANDS),
    ]);
        const unresolved = { ...testStagePipeline(commands('Test', { commands: null })), unresolvedParts: ['stages[1].actions[0].commands'] };
    expect(check(unresolved, rule)).toEqual([]);
  });

  test('commands: 50 of 1000 characters pass; 51, an empty and a 1001-character command are errors', () => {
    expect(check(testStagePipeline(commands('Test', { commands: [...texts(49), 'c'.repeat(1000)] })), rule)).toEqual([]);
    expect(check(testStagePipeline(commands('Test', { commands: [...texts(49), '', 'c'.repeat(1001)] })), rule)).toEqual([
      error('the action has 51 commands; it takes 1–50', 'join commands with && or move them into a script in an input artifact.'),
      error('command 50 is 0 characters; a command takes 1–1000', 'remove the empty command.'),
      error('command 51 is 1001 characters; a command takes 1–1000', 'move the command into a script in an input artifact and run the script.'),
    ]);
  });

  test('output variables: 15 names of 128 pass; 16, and names of 0 and 129 characters are errors', () => {
    expect(check(testStagePipeline(commands('Test', { outputVariables: [...texts(14), 'V'.repeat(128)] })), rule)).toEqual([]);
    expect(check(testStagePipeline(commands('Test', { outputVariables: [...texts(14), '', 'V'.repeat(129)] })), rule)).toEqual([
      error('the action exports 16 output variables; it takes 1–15', 'export at most 15 variables.'),
      error('output variable name "" is 0 characters; names take 1–128', 'remove the empty name.'),
      error(`output variable name "${'V'.repeat(129)}" is 129 characters; names take 1–128`, 'use a name of at most 128 characters.'),
    ]);
    expect(check(testStagePipeline(commands('Test', { outputVariables: [] })), rule)).toEqual([
      error('the action exports 0 output variables; it takes 1–15', 'remove outputVariables, or name the variables to export.'),
    ]);
  });

  test('environment variables: 10 of name 128 and value 2000 pass; 11, a bad name and values of 0 and 2001 characters are errors', () => {
    const variables = (count: number) => texts(count).map((name, i) => ({ name: `V${name}${i}`, value: 'x' }));
    expect(check(testStagePipeline(commands('Test', { environmentVariables: [...variables(9), { name: 'N'.repeat(128), value: 'v'.repeat(2000) }] })), rule)).toEqual([]);
    expect(check(testStagePipeline(commands('Test', {
      environmentVariables: [...variables(8), { name: 'DEPLOY-ENV', value: 'x' }, { name: 'N'.repeat(129), value: '' }, { name: 'BIG', value: 'v'.repeat(2001) }],
    })), rule)).toEqual([
      error('the action has 11 environment variables; it takes 1–10', 'pass the other values in a file of an input artifact.'),
      error('environment variable name "DEPLOY-ENV" is not 1–128 letters, digits and "_"', 'name it with letters, digits and "_" only, e.g. DEPLOY_ENV.'),
      error(`environment variable name "${'N'.repeat(129)}" is not 1–128 letters, digits and "_"`, 'name it with letters, digits and "_" only, e.g. DEPLOY_ENV.'),
      error(`the value of environment variable "${'N'.repeat(129)}" is 0 characters; values take 1–2000`, 'give the variable a value, or remove it.'),
      error('the value of environment variable "BIG" is 2001 characters; values take 1–2000', 'pass the value in a file of an input artifact.'),
    ]);
  });

  test('unknown values are skipped', () => {
    expect(check(testStagePipeline(commands('Test', { commands: [ref('Cmd')], outputVariables: [ref('Var')], environmentVariables: [{ name: ref('N'), value: ref('V') }] })), rule)).toEqual([]);
  });
});

describe('commands-fields', () => {
  const rule = commandsFields;

  test('commands and output variables on another action are warnings; on a Commands action, or an action of unknown type, they pass', () => {
    const build = { ...codeBuild('Build'), commands: ['make'], outputVariables: ['VERSION'] };
    expect(check(testStagePipeline(build), rule)).toEqual([
      at('commands-fields', 'commands is set on an action that is not a Commands action (category Compute, provider Commands)', V2_SOURCE.COMMANDS, 'remove commands, or make the action a Commands action.', { stage: 'Test', action: 'Build' }, 'warning'),
      at('commands-fields', 'outputVariables is set on an action that is not a Commands action (category Compute, provider Commands)', V2_SOURCE.COMMANDS, 'remove outputVariables, or make the action a Commands action.', { stage: 'Test', action: 'Build' }, 'warning'),
    ]);
    expect(check(testStagePipeline(commands('Test', { outputVariables: ['VERSION'] })), rule)).toEqual([]);
    expect(check(testStagePipeline({ ...build, actionTypeId: { ...build.actionTypeId, provider: ref('Provider') } }), rule)).toEqual([]);
  });
});

describe('artifact-counts for the Commands action', () => {
  test('1–10 input artifacts and 0–1 output artifacts pass; 0 and 11 inputs and 2 outputs are errors citing the Commands page', () => {
    const inputs = (count: number) => texts(count).map((_, i) => `In${i}`);
    const sources = (count: number) => inputs(count).map((name) => s3Source(name, { outputs: [name] }));
    const model = (inputCount: number, outputs: string[]) =>
      pipeline({ stages: [stage('Source', ...sources(Math.max(inputCount, 1))), stage('Test', commands('Test', { inputs: inputs(inputCount), outputs }))] });
    expect(check(model(1, []), artifactCounts)).toEqual([]);
    expect(check(model(10, ['Out']), artifactCounts)).toEqual([]);
    const where = { stage: 'Test', action: 'Test' };
    expect(check(model(0, ['Out', 'Out2']), artifactCounts)).toEqual([
      at('artifact-counts', 'a Compute Commands action has 0 input artifacts; it takes 1–10', V2_SOURCE.COMMANDS, 'add an input artifact.', where),
      at('artifact-counts', 'a Compute Commands action has 2 output artifacts; it takes 0–1', V2_SOURCE.COMMANDS, 'remove output artifacts down to 1.', where),
    ]);
    expect(check(model(11, []), artifactCounts)).toEqual([
      at('artifact-counts', 'a Compute Commands action has 11 input artifacts; it takes 1–10', V2_SOURCE.COMMANDS, 'remove input artifacts down to 10.', where),
    ]);
  });
});

describe('unique-namespaces', () => {
  const rule = uniqueNamespaces;

  test('a namespace used twice is an error on the second action; namespaces differing in case pass', () => {
    const model = testStagePipeline(commands('Unit', { namespace: 'TestVariables' }), commands('Lint', { namespace: 'TestVariables' }), commands('E2E', { namespace: 'testvariables' }));
    expect(check(model, rule)).toEqual([
      at('unique-namespaces', 'namespace "TestVariables" is also the namespace of stage "Test", action "Unit"', V2_SOURCE.VARIABLES, 'give each action its own namespace, e.g. the action\'s name followed by "Variables".', { stage: 'Test', action: 'Lint' }),
    ]);
  });

  test('a namespace equal to an artifact name is an error', () => {
    const model = testStagePipeline(commands('Unit', { namespace: 'Source' }));
    expect(check(model, rule)).toEqual([
      at('unique-namespaces', 'namespace "Source" is the name of an artifact (the output of stage "Source", action "Source")', V2_SOURCE.VARIABLES, 'rename the namespace or the artifact; a namespace may not equal an artifact name.', { stage: 'Test', action: 'Unit' }),
    ]);
    expect(check(testStagePipeline(commands('Unit', { namespace: ref('Ns') })), rule)).toEqual([]);
  });
});

describe('reserved-namespace', () => {
  test('an action namespace codepipeline or variables is a warning', () => {
    const model = testStagePipeline(commands('Unit', { namespace: 'codepipeline' }), commands('Lint', { namespace: 'variables' }), commands('E2E', { namespace: 'CodePipeline' }));
    const fix = 'choose another namespace, e.g. the action\'s name followed by "Variables".';
    expect(check(model, reservedNamespace)).toEqual([
      at('reserved-namespace', 'namespace "codepipeline" is the service\'s own (built-in execution variables)', V2_SOURCE.VARIABLES, fix, { stage: 'Test', action: 'Unit' }, 'warning'),
      at('reserved-namespace', 'namespace "variables" is the service\'s own (pipeline-level variables)', V2_SOURCE.VARIABLES, fix, { stage: 'Test', action: 'Lint' }, 'warning'),
    ]);
  });
});
