import { conditionsUsed, MAX_BRANCH_COMBINATIONS, planBranches, resolveBranch } from '../../lib/model/branches';
import { pipelineBranchesFromTemplate } from '../../lib/model/template-branches';

const env = { Ref: 'Env' };
const equals = (left: unknown, right: unknown) => ({ 'Fn::Equals': [left, right] });
const choose = (condition: string, whenTrue: unknown, whenFalse: unknown) => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
const NO_VALUE = { Ref: 'AWS::NoValue' };

describe('conditionsUsed', () => {
  test('names every Fn::If condition once, in the order written, branches and nested intrinsics included', () => {
    expect(conditionsUsed({
      Stages: [choose('B', { Name: choose('A', 'x', 'y') }, NO_VALUE), { Name: { 'Fn::Sub': ['${X}', { X: choose('C', 'a', 'b') }] } }],
      Tags: choose('B', [], []),
    })).toEqual(['B', 'A', 'C']);
  });

  test('an Fn::If that does not name its condition as text is not a choice', () => {
    expect(conditionsUsed({ A: { 'Fn::If': [{ Ref: 'X' }, 1, 2] }, B: { 'Fn::If': ['C', 1] }, C: { 'Fn::If': 'D' } })).toEqual([]);
  });
});

describe('planBranches', () => {
  test('without Fn::If or a resource condition, the pipeline is one declaration', () => {
    expect(planBranches({ properties: { Stages: [{ Name: { Ref: 'StageName' } }] } })).toEqual({ kind: 'single' });
  });

  test('one condition over a free parameter: both values', () => {
    expect(planBranches({ properties: choose('IsProd', 1, 2), conditions: { IsProd: equals(env, 'prod') } })).toEqual({
      kind: 'combinations',
      conditions: ['IsProd'],
      combinations: [{ IsProd: true }, { IsProd: false }],
    });
  });

  test('conditions over one parameter that exclude each other: never both true', () => {
    const plan = planBranches({
      properties: [choose('IsProd', 1, 2), choose('IsTest', 1, 2)],
      conditions: { IsProd: equals(env, 'prod'), IsTest: equals('test', env) },
    });
    expect(plan).toEqual({
      kind: 'combinations',
      conditions: ['IsProd', 'IsTest'],
      combinations: [{ IsProd: true, IsTest: false }, { IsProd: false, IsTest: true }, { IsProd: false, IsTest: false }],
    });
  });

  test('AllowedValues narrow a parameter: with only prod and test allowed, one of the two is true', () => {
    const inputs = {
      properties: [choose('IsProd', 1, 2), choose('IsTest', 1, 2)],
      conditions: { IsProd: equals(env, 'prod'), IsTest: equals(env, 'test') },
    };
    expect(planBranches({ ...inputs, parameters: { Env: { Type: 'String', AllowedValues: ['prod', 'test'], Default: 'test' } } })).toMatchObject({
      combinations: [{ IsProd: true, IsTest: false }, { IsProd: false, IsTest: true }],
    });
    // A value allowed beside them is a third: neither.
    expect(planBranches({ ...inputs, parameters: { Env: { AllowedValues: ['prod', 'test', 'dev'] } } })).toMatchObject({
      combinations: [{ IsProd: true, IsTest: false }, { IsProd: false, IsTest: true }, { IsProd: false, IsTest: false }],
    });
    // A compared value that is not allowed never occurs.
    expect(planBranches({ ...inputs, parameters: { Env: { AllowedValues: ['test', 'dev'] } } })).toMatchObject({
      combinations: [{ IsProd: false, IsTest: true }, { IsProd: false, IsTest: false }],
    });
  });

  test('derived conditions: Fn::And over another condition cannot be true without it', () => {
    const plan = planBranches({
      properties: [choose('IsProd', 1, 2), choose('IsProdEurope', 1, 2)],
      conditions: {
        IsProd: equals(env, 'prod'),
        IsProdEurope: { 'Fn::And': [{ Condition: 'IsProd' }, equals({ Ref: 'AWS::Region' }, 'eu-west-1')] },
      },
    });
    expect(plan).toEqual({
      kind: 'combinations',
      conditions: ['IsProd', 'IsProdEurope'],
      combinations: [{ IsProd: true, IsProdEurope: true }, { IsProd: true, IsProdEurope: false }, { IsProd: false, IsProdEurope: false }],
    });
  });

  test('Fn::Or and Fn::Not, and a pseudo parameter whose value is known', () => {
    const conditions = {
      IsProd: equals(env, 'prod'),
      IsUsEast: equals({ Ref: 'AWS::Region' }, 'us-east-1'),
      NeedsReplica: { 'Fn::Not': [{ 'Fn::Or': [{ Condition: 'IsUsEast' }, { 'Fn::Not': [{ Condition: 'IsProd' }] }] }] },
    };
    const properties = [choose('IsProd', 1, 2), choose('NeedsReplica', 1, 2)];
    expect(planBranches({ properties, conditions })).toMatchObject({
      combinations: [{ IsProd: true, NeedsReplica: false }, { IsProd: true, NeedsReplica: true }, { IsProd: false, NeedsReplica: false }],
    });
    expect(planBranches({ properties, conditions, pseudo: { 'AWS::Region': 'us-east-1' } })).toMatchObject({
      combinations: [{ IsProd: true, NeedsReplica: false }, { IsProd: false, NeedsReplica: false }],
    });
  });

  test('the same intrinsic compared in two conditions is one value; an unmodelled comparison is free', () => {
    const stage = { 'Fn::FindInMap': ['Stages', { Ref: 'Env' }, 'Name'] };
    expect(planBranches({
      properties: [choose('A', 1, 2), choose('B', 1, 2)],
      conditions: { A: equals(stage, 'prod'), B: equals(stage, 'test') },
    })).toMatchObject({ combinations: [{ A: true, B: false }, { A: false, B: true }, { A: false, B: false }] });
    expect(planBranches({
      properties: [choose('A', 1, 2), choose('B', 1, 2)],
      conditions: { A: equals(env, { Ref: 'Other' }), B: { 'Fn::Contains': [['a'], env] } },
    })).toMatchObject({ combinations: [{ A: true, B: true }, { A: true, B: false }, { A: false, B: true }, { A: false, B: false }] });
  });

  test('a condition on the whole resource: only combinations in which the pipeline exists', () => {
    const conditions = { CreatePipeline: equals(env, 'prod'), IsTest: equals(env, 'test') };
    expect(planBranches({ properties: choose('IsTest', 1, 2), resourceCondition: 'CreatePipeline', conditions })).toEqual({
      kind: 'combinations',
      conditions: ['IsTest'],
      combinations: [{ IsTest: false }],
    });
    expect(planBranches({ properties: {}, resourceCondition: 'CreatePipeline', conditions })).toEqual({
      kind: 'combinations',
      conditions: [],
      combinations: [{}],
    });
  });

  test('an undefined condition or a cycle cannot be read', () => {
    expect(planBranches({ properties: choose('Missing', 1, 2), conditions: {} })).toEqual({
      kind: 'unreadable', conditions: ['Missing'], reason: 'condition "Missing" is not defined in the template\'s Conditions',
    });
    expect(planBranches({ properties: choose('A', 1, 2), conditions: { A: { Condition: 'B' }, B: { 'Fn::Not': [{ Condition: 'A' }] } } })).toEqual({
      kind: 'unreadable', conditions: ['A'], reason: 'conditions use each other in a cycle through "A"',
    });
  });

  /** `count` conditions, each "Env is the value i": at most one is true, so count + 1 combinations. */
  function exclusive(count: number) {
    const names = Array.from({ length: count }, (_, i) => `Is${i}`);
    return {
      properties: names.map((name) => choose(name, 1, 2)),
      conditions: Object.fromEntries(names.map((name, i) => [name, equals(env, `v${i}`)])),
    };
  }

  test(`the bound: exactly ${MAX_BRANCH_COMBINATIONS} combinations are checked, one more are too many`, () => {
    const atBound = planBranches(exclusive(MAX_BRANCH_COMBINATIONS - 1));
    expect(atBound.kind).toBe('combinations');
    expect(atBound.kind === 'combinations' && atBound.combinations).toHaveLength(MAX_BRANCH_COMBINATIONS);
    const past = planBranches(exclusive(MAX_BRANCH_COMBINATIONS));
    expect(past).toEqual({ kind: 'too-many', conditions: exclusive(MAX_BRANCH_COMBINATIONS).properties.map((p) => p['Fn::If'][0]), count: MAX_BRANCH_COMBINATIONS + 1 });
  });

  test('too many parameter values to try: too many, uncounted', () => {
    const names = Array.from({ length: 15 }, (_, i) => `C${i}`);
    expect(planBranches({
      properties: names.map((name) => choose(name, 1, 2)),
      conditions: Object.fromEntries(names.map((name, i) => [name, equals({ Ref: `P${i}` }, 'on')])),
    })).toEqual({ kind: 'too-many', conditions: names });
  });
});

describe('resolveBranch', () => {
  test('takes each branch and removes AWS::NoValue members and items', () => {
    const value = {
      Stages: [{ Name: 'Source' }, choose('IsProd', { Name: 'Approve' }, NO_VALUE), choose('IsProd', NO_VALUE, { Name: 'Test' })],
      Tags: choose('IsProd', [{ Key: 'tier', Value: 'prod' }], NO_VALUE),
      Name: choose('IsProd', choose('IsEu', 'prod-eu', 'prod'), 'test'),
    };
    expect(resolveBranch(value, { IsProd: true, IsEu: false })).toEqual({
      Stages: [{ Name: 'Source' }, { Name: 'Approve' }],
      Tags: [{ Key: 'tier', Value: 'prod' }],
      Name: 'prod',
    });
    expect(resolveBranch(value, { IsProd: false, IsEu: true })).toEqual({ Stages: [{ Name: 'Source' }, { Name: 'Test' }], Name: 'test' });
  });

  test('keeps other intrinsics and parts without choices as the same objects; a condition not given stays a choice', () => {
    const stage = { Name: { Ref: 'StageName' } };
    const value = { Stages: [stage], RoleArn: choose('Other', 'a', 'b') };
    const resolved = resolveBranch(value, { IsProd: true }) as typeof value;
    expect(resolved).toBe(value);
    expect(resolveBranch({ ...value, Name: choose('IsProd', 'p', 't') }, { IsProd: true })).toEqual({ ...value, Name: 'p' });
    expect((resolveBranch({ ...value, Name: choose('IsProd', 'p', 't') }, { IsProd: true }) as typeof value).Stages[0]).toBe(stage);
  });

  test('a key named __proto__ stays a key', () => {
    const value = JSON.parse('{"Configuration":{"__proto__":{"Fn::If":["A","x","y"]}}}');
    const resolved = resolveBranch(value, { A: true }) as { Configuration: Record<string, unknown> };
    expect(Object.keys(resolved.Configuration)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(resolved.Configuration, '__proto__')?.value).toBe('x');
  });

  test('properties that are AWS::NoValue are none', () => {
    expect(resolveBranch(choose('A', NO_VALUE, {}), { A: true })).toBeUndefined();
  });
});

describe('pipelineBranchesFromTemplate', () => {
  test('reads a model per combination, with the bucket facts of the template', () => {
    const template = {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { IsProd: equals(env, 'prod') },
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } },
        Release: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: { Name: choose('IsProd', 'release-prod', 'release-test'), Stages: [] },
        },
      },
    };
    const [pipeline] = pipelineBranchesFromTemplate(template, { file: 'release.json' });
    expect(pipeline.model.name).toEqual({ unresolved: true, expression: choose('IsProd', 'release-prod', 'release-test') });
    expect(pipeline.branches.map((b) => [b.when, b.model.name, b.model.origin, b.model.context.buckets])).toEqual([
      [{ IsProd: true }, 'release-prod', { file: 'release.json', logicalId: 'Release' }, { '{"Ref":"Bucket"}': { versioned: true } }],
      [{ IsProd: false }, 'release-test', { file: 'release.json', logicalId: 'Release' }, { '{"Ref":"Bucket"}': { versioned: true } }],
    ]);
  });
});

describe('hostile conditions', () => {
  test('a chain of 10,000 conditions, each using the next, is read without overflowing the stack', () => {
    const conditions: Record<string, unknown> = { C10000: equals(env, 'prod') };
    for (let i = 0; i < 10_000; i++) conditions[`C${i}`] = { 'Fn::Not': [{ Condition: `C${i + 1}` }] };
    expect(planBranches({ properties: choose('C0', 1, 2), conditions })).toEqual({
      kind: 'combinations', conditions: ['C0'], combinations: [{ C0: true }, { C0: false }],
    });
  });

  test('10,000 conditions over one parameter are too many, found without evaluating each under each value', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Is${i}`);
    expect(planBranches({
      properties: names.map((name) => choose(name, 1, 2)),
      conditions: Object.fromEntries(names.map((name, i) => [name, equals(env, `v${i}`)])),
    })).toEqual({ kind: 'too-many', conditions: names });
  });

  test('properties nested 100,000 deep are resolved and searched without overflowing the stack', () => {
    let deep: unknown = choose('A', 1, 2);
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(conditionsUsed({ Stages: deep })).toEqual([]);
    expect(resolveBranch({ Stages: deep }, { A: true })).toEqual({ Stages: deep });
  });
});
