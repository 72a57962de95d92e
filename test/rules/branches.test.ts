import * as path from 'path';
import { CliIo } from '../../lib/cli/io';
import { runCli } from '../../lib/cli/program';
import { MAX_BRANCH_COMBINATIONS } from '../../lib/model/branches';
import { loadPipelineBranches } from '../../lib/model/load-file';
import { pipelineBranchesFromTemplate } from '../../lib/model/template-branches';
import { formatFinding } from '../../lib/rules/finding';
import { cover, validateBranches } from '../../lib/validate-template';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const STRUCTURE = 'CodePipeline user guide, Pipeline structure reference';
const QUOTAS = 'CodePipeline user guide, Quotas in AWS CodePipeline';

const env = { Ref: 'Env' };
const equals = (left: unknown, right: unknown) => ({ 'Fn::Equals': [left, right] });
const choose = (condition: string, whenTrue: unknown, whenFalse: unknown) => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
const NO_VALUE = { Ref: 'AWS::NoValue' };

const source = {
  Name: 'Source',
  Actions: [{
    Name: 'Source',
    ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' },
    Configuration: { S3Bucket: 'release-source', S3ObjectKey: 'app.zip' },
    OutputArtifacts: [{ Name: 'Src' }],
  }],
};
const approval = (name: string) => ({ Name: name, ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' } });
const build = (name: string, input: unknown) => ({
  Name: name,
  ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
  Configuration: { ProjectName: name },
  InputArtifacts: [{ Name: input }],
});

/** A template of one pipeline, `Release`, with these stages after the source stage. */
function template(stages: unknown[], sections: { Parameters?: unknown; Conditions?: unknown; Condition?: string } = {}) {
  return {
    Parameters: sections.Parameters ?? { Env: { Type: 'String' } },
    Conditions: sections.Conditions ?? { IsProd: equals(env, 'prod') },
    Resources: {
      Release: {
        Type: 'AWS::CodePipeline::Pipeline',
        Condition: sections.Condition,
        Properties: { Name: 'release', RoleArn: 'arn:aws:iam::111111111111:role/release', ArtifactStore: { Type: 'S3', Location: 'artifacts' }, Stages: [source, ...stages] },
      },
    },
  };
}

function check(document: unknown) {
  return pipelineBranchesFromTemplate(document, { file: 'release.json' }).flatMap((pipeline) => validateBranches(pipeline));
}

describe('a finding in some combinations names the condition values', () => {
  test('the IsProd branch reads an artifact only made when IsProd is false: artifact-flow (when IsProd is true)', () => {
    const file = path.join(FIXTURES, 'branch-artifact-pipeline.yaml');
    const findings = loadPipelineBranches(file).flatMap((pipeline) => validateBranches(pipeline));
    expect(findings).toEqual([
      {
        ruleId: 'artifact-flow',
        severity: 'error',
        pipeline: 'branch-release',
        stage: 'Deploy',
        action: 'DeployProd',
        file,
        message: `input artifact "TestBuilt" is not the output of any action in the pipeline (${STRUCTURE}). Fix: use the name of an earlier action's output artifact, or add an action that outputs "TestBuilt".`,
        when: { IsProd: true },
      },
    ]);
    expect(formatFinding(findings[0])).toBe(
      `[error artifact-flow] stage "Deploy", action "DeployProd" (when IsProd is true): ${findings[0].message}`,
    );
  });

  test('a finding in every combination is reported once, without condition values', () => {
    const stages = [{ Name: 'Build', Actions: [build('Build', 'Missing'), choose('IsProd', approval('Approve'), NO_VALUE)] }];
    expect(check(template(stages)).map((f) => [f.ruleId, f.action, f.when])).toEqual([['artifact-flow', 'Build', undefined]]);
  });

  test('several conditions: only those that decide are named', () => {
    const stages = [{
      Name: 'Build',
      Actions: [
        choose('IsProd', build('Build', choose('UseCache', 'Cache', 'Src')), build('Build', 'Src')),
        choose('UseCache', approval('Approve'), NO_VALUE),
      ],
    }];
    const findings = check(template(stages, { Conditions: { IsProd: equals(env, 'prod'), UseCache: equals({ Ref: 'Cache' }, 'on') } }));
    expect(findings.map((f) => [f.ruleId, f.action, f.when])).toEqual([['artifact-flow', 'Build', { IsProd: true, UseCache: true }]]);
    expect(formatFinding(findings[0])).toMatch(/^\[error artifact-flow\] stage "Build", action "Build" \(when IsProd is true, UseCache is true\): /);
  });

  test('combinations that no one description covers are reported once each', () => {
    // An empty stage when exactly one of A and B is true (A xor B).
    const stages = [
      { Name: 'Build', Actions: [build('Build', 'Src')] },
      { Name: 'Gate', Actions: [choose('A', choose('B', approval('Both'), NO_VALUE), choose('B', NO_VALUE, approval('Neither')))] },
    ];
    const findings = check(template(stages, { Conditions: { A: equals({ Ref: 'P' }, 'x'), B: equals({ Ref: 'Q' }, 'x') } }));
    expect(findings.map((f) => [f.ruleId, f.stage, f.when])).toEqual([
      ['actions-per-stage', 'Gate', { A: true, B: false }],
      ['actions-per-stage', 'Gate', { A: false, B: true }],
    ]);
    expect(findings[0].message).toBe(`the stage has no actions; every stage needs at least 1 (${QUOTAS}). Fix: add an action to the stage or remove the stage.`);
  });
});

describe('combinations CloudFormation cannot produce raise no false error', () => {
  /** A Deploy stage with one action named Deploy per environment; both at once would be a duplicate. */
  const perEnvironment = [
    { Name: 'Build', Actions: [build('Build', 'Src')] },
    { Name: 'Deploy', Actions: [choose('IsProd', approval('Deploy'), NO_VALUE), choose('IsTest', approval('Deploy'), NO_VALUE)] },
  ];
  const conditions = { IsProd: equals(env, 'prod'), IsTest: equals(env, 'test') };

  test('conditions over one parameter that exclude each other are never both true; neither is, for another value', () => {
    expect(check(template(perEnvironment, { Conditions: conditions })).map((f) => [f.ruleId, f.stage, f.when])).toEqual([
      ['actions-per-stage', 'Deploy', { IsProd: false, IsTest: false }],
    ]);
  });

  test('AllowedValues narrow the parameter: with only prod and test, the stage always has its action', () => {
    expect(check(template(perEnvironment, { Conditions: conditions, Parameters: { Env: { Type: 'String', AllowedValues: ['prod', 'test'] } } }))).toEqual([]);
  });

  test('a derived condition (Fn::And over IsProd) is never true without IsProd', () => {
    const stages = [
      { Name: 'Build', Actions: [choose('IsProd', { ...build('Build', 'Src'), OutputArtifacts: [{ Name: 'Prod' }] }, build('Build', 'Src'))] },
      { Name: 'Replicate', Actions: [choose('IsProdEurope', build('Replicate', 'Prod'), approval('Skip'))] },
    ];
    const derived = {
      IsProd: equals(env, 'prod'),
      IsProdEurope: { 'Fn::And': [{ Condition: 'IsProd' }, equals({ Ref: 'AWS::Region' }, 'eu-west-1')] },
    };
    expect(check(template(stages, { Conditions: derived }))).toEqual([]);
    // The same stages under an independent condition: the combination is possible, and found.
    const independent = { IsProd: equals(env, 'prod'), IsProdEurope: equals({ Ref: 'AWS::Region' }, 'eu-west-1') };
    expect(check(template(stages, { Conditions: independent })).map((f) => [f.ruleId, f.action, f.when])).toEqual([
      ['artifact-flow', 'Replicate', { IsProd: false, IsProdEurope: true }],
    ]);
  });

  test('a condition on the whole resource: the pipeline is only checked where it exists', () => {
    const stages = [{ Name: 'Build', Actions: [choose('IsTest', build('Build', 'Missing'), build('Build', 'Src'))] }];
    const both = { CreatePipeline: equals(env, 'prod'), IsTest: equals(env, 'test') };
    expect(check(template(stages, { Conditions: both, Condition: 'CreatePipeline' }))).toEqual([]);
    expect(check(template(stages, { Conditions: both })).map((f) => [f.ruleId, f.when])).toEqual([['artifact-flow', { IsTest: true }]]);
  });
});

describe('the bound', () => {
  /** `count` conditions over Env, one per stage: count + 1 combinations; Gate is empty when Env matches none. */
  function manyConditions(count: number) {
    const names = Array.from({ length: count }, (_, i) => `Is${i}`);
    const stages = [
      { Name: 'Build', Actions: [build('Build', 'Src')] },
      { Name: 'Gate', Actions: names.map((name) => choose(name, approval(name), NO_VALUE)) },
    ];
    return template(stages, { Conditions: Object.fromEntries(names.map((name, i) => [name, equals(env, `v${i}`)])) });
  }

  test(`at ${MAX_BRANCH_COMBINATIONS} combinations every one is checked`, () => {
    const findings = check(manyConditions(MAX_BRANCH_COMBINATIONS - 1));
    expect(findings).toHaveLength(1);
    expect(findings[0].ruleId).toBe('actions-per-stage');
    expect(Object.values(findings[0].when!).every((value) => value === false)).toBe(true);
  });

  test(`past ${MAX_BRANCH_COMBINATIONS} combinations the pipeline is checked as written, with one warning`, () => {
    const findings = check(manyConditions(MAX_BRANCH_COMBINATIONS));
    expect(findings).toEqual([{
      ruleId: 'condition-combinations',
      severity: 'warning',
      pipeline: 'release',
      file: 'release.json',
      message: 'the pipeline\'s Fn::If use 64 conditions (Is0, Is1, Is2, Is3, Is4, Is5, Is6, Is7, and 56 more): 65 combinations of their values, '
        + 'more than the 64 checked one by one, so only the parts outside Fn::If were checked (cdk-delivery-pipelines checks at most 64 '
        + 'combinations of condition values). Fix: give the parameters these conditions compare AllowedValues, or choose between parts by '
        + 'fewer conditions, so that at most 64 combinations remain.',
    }]);
  });

  test('a condition the template does not define: checked as written, with one warning', () => {
    const stages = [{ Name: 'Build', Actions: [choose('Missing', build('Build', 'Src'), NO_VALUE)] }];
    expect(check(template(stages)).map((f) => [f.ruleId, f.severity, f.message])).toEqual([[
      'condition-combinations',
      'warning',
      'the pipeline\'s Fn::If use 1 condition (Missing), but condition "Missing" is not defined in the template\'s Conditions, so only the '
        + 'parts outside Fn::If were checked (cdk-delivery-pipelines checks at most 64 combinations of condition values). Fix: define every '
        + 'condition the template uses in its Conditions section, without cycles (CloudFormation rejects the template otherwise).',
    ]]);
  });
});

describe('cover', () => {
  const combinations = [{ A: true, B: true }, { A: true, B: false }, { A: false, B: true }, { A: false, B: false }];

  test('every combination: no condition values', () => {
    expect(cover(combinations, new Set([0, 1, 2, 3]))).toEqual([{}]);
  });

  test('the combinations of one value: that value, the first condition kept', () => {
    expect(cover(combinations, new Set([0, 1]))).toEqual([{ A: true }]);
    expect(cover(combinations, new Set([1, 3]))).toEqual([{ B: false }]);
  });

  test('three of four: two descriptions', () => {
    expect(cover(combinations, new Set([0, 1, 2]))).toEqual([{ A: true }, { B: true }]);
  });

  test('a value implied by another in the feasible combinations is left out', () => {
    const feasible = [{ IsProd: true, IsTest: false }, { IsProd: false, IsTest: true }, { IsProd: false, IsTest: false }];
    expect(cover(feasible, new Set([0]))).toEqual([{ IsProd: true }]);
    expect(cover(feasible, new Set([2]))).toEqual([{ IsProd: false, IsTest: false }]);
  });
});

describe('the conditional fixture', () => {
  test('every combination of its one condition passes', () => {
    const [pipeline] = loadPipelineBranches(path.join(FIXTURES, 'conditional-pipeline.yaml'));
    expect(pipeline.branches.map((b) => b.when)).toEqual([{ IsProd: true }, { IsProd: false }]);
    expect(validateBranches(pipeline)).toEqual([]);
  });
});

describe('pipectl validate', () => {
  const file = path.join(FIXTURES, 'branch-artifact-pipeline.yaml');
  async function pipectl(...args: string[]) {
    const out: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, isTTY: false };
    return { code: await runCli(args, io), stdout: out.join('\n') };
  }

  test('prints the condition values after the place, and exits 1', async () => {
    const run = await pipectl('validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/: \[error artifact-flow\] stage "Deploy", action "DeployProd" \(when IsProd is true\): input artifact "TestBuilt" /);
  });

  test('--json gives them as the finding\'s "when"', async () => {
    const run = await pipectl('validate', '--json', file);
    expect(JSON.parse(run.stdout).map((f: { ruleId: string; when?: unknown }) => [f.ruleId, f.when])).toEqual([['artifact-flow', { IsProd: true }]]);
  });
});
