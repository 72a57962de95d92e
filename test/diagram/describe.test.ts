import { accountOfArnText, placeholderOf, roleNameOf, shortLogicalId, targetOf, textOf } from '../../lib/diagram/describe';
import { ActionModel } from '../../lib/model/pipeline-model';
import { malformed, unresolved } from '../../lib/model/values';

function withRole(roleArn: ActionModel['roleArn'], region?: string): ActionModel {
  return {
    name: 'Deploy',
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
    configuration: {},
    inputArtifacts: [],
    outputArtifacts: [],
    roleArn,
    region,
  };
}

describe('placeholders for deploy-time values', () => {
  test.each([
    [{ Ref: 'ArtifactsBucket2AAC5544' }, 'Ref(ArtifactsBucket)'],
    [{ Ref: 'AWS::Region' }, 'Ref(AWS::Region)'],
    [{ 'Fn::GetAtt': ['PipelineRoleD68726F7', 'Arn'] }, 'GetAtt(PipelineRole.Arn)'],
    [{ 'Fn::GetAtt': 'PipelineRoleD68726F7.Arn' }, 'GetAtt(PipelineRole.Arn)'],
    [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:role/deploy']] }, 'arn:${AWS::Partition}:iam::333333333333:role/deploy'],
    [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket83908E77}/${!Literal}' }, 'arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}'],
    [{ 'Fn::Sub': ['${Name}-stack', { Name: 'x' }] }, '${Name}-stack'],
    [{ 'Fn::ImportValue': 'shared-bucket' }, 'ImportValue(shared-bucket)'],
    [{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, 'Select(0, ${GetAZs()})'],
    ['prefix-${Token[TOKEN.123]}', 'prefix-Token'],
  ])('%j → %s', (expression, text) => {
    expect(textOf(unresolved(expression))).toBe(text);
    expect(placeholderOf(expression)).not.toContain('[object Object]');
  });

  test('only an 8-character upper-case hex suffix after the ID is a CDK hash', () => {
    expect(shortLogicalId('PipelineRoleD68726F7')).toBe('PipelineRole');
    expect(shortLogicalId('PipelineRole')).toBe('PipelineRole');
    expect(shortLogicalId('DEADBEEF')).toBe('DEADBEEF');
    expect(shortLogicalId('Stage12345678')).toBe('Stage');
  });
});

describe('roles and accounts', () => {
  test('role names come from the ARN path, or the logical ID of a role beside the pipeline', () => {
    expect(roleNameOf('arn:aws:iam::222222222222:role/team/pipeline-deploy-test')).toBe('pipeline-deploy-test');
    expect(roleNameOf(unresolved({ 'Fn::GetAtt': ['PipelineRoleD68726F7', 'Arn'] }))).toBe('PipelineRole');
    expect(roleNameOf(unresolved({ Ref: 'DeployRoleArn' }))).toBe('Ref(DeployRoleArn)');
    expect(roleNameOf(undefined)).toBeUndefined();
  });

  test('the account of an ARN, also inside Fn::Join with ${AWS::Partition}', () => {
    expect(accountOfArnText('arn:aws:iam::222222222222:role/x')).toBe('222222222222');
    expect(accountOfArnText(unresolved({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:role/x']] }))).toBe('333333333333');
    expect(accountOfArnText(unresolved({ Ref: 'RoleArn' }))).toBeUndefined();
  });

  test.each([
    [undefined, undefined, 'pipeline account'],
    ['arn:aws:iam::222222222222:role/x', 'us-east-1', '222222222222/us-east-1'],
    [undefined, 'eu-west-1', 'pipeline account/eu-west-1'],
    [unresolved({ 'Fn::GetAtt': ['DeployRole1A2B3C4D', 'Arn'] }), undefined, 'pipeline account'],
    [unresolved({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x' }), undefined, 'pipeline account'],
    [unresolved({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${ProdAccount}:role/x' }), undefined, '${ProdAccount}'],
    [unresolved({ Ref: 'DeployRoleArn' }), undefined, 'account of Ref(DeployRoleArn)'],
  ])('role %j in region %s runs in %s', (roleArn, region, target) => {
    expect(targetOf(withRole(roleArn as ActionModel['roleArn'], region))).toBe(target);
  });
});

describe('long values', () => {
  // Each of these took minutes with a regular expression that rescans the rest of the value from every
  // colon or `${`; the text must come back unchanged, in one pass.
  const n = 100_000;

  test('an ARN of many colons, and colons inside ${…}', () => {
    expect(targetOf(withRole(':'.repeat(n), undefined))).toBe('pipeline account');
    expect(targetOf(withRole(`arn:aws:iam::${'1'.repeat(n)}:role/x`, undefined))).toBe(`${'1'.repeat(n)}`);
    expect(targetOf(withRole('arn:${A:B}:iam::${C:D:E}:role/x', undefined))).toBe('${C:D:E}');
  });

  test('runs of unclosed ${ and ${Token[ stay as written', () => {
    expect(textOf(unresolved('${Token['.repeat(n)))).toBe('${Token['.repeat(n));
    expect(textOf(unresolved({ 'Fn::Sub': '${a'.repeat(n) }))).toBe('${a'.repeat(n));
    expect(accountOfArnText(unresolved('${a'.repeat(n)))).toBeUndefined();
  });
});

describe('hostile values', () => {
  function nest(depth: number, key: string): unknown {
    let value: unknown = 'Bucket';
    for (let i = 0; i < depth; i++) value = { [key]: value };
    return value;
  }

  test('an intrinsic nested thousands of levels deep is cut after a few levels, not a stack overflow', () => {
    expect(textOf(unresolved(nest(5000, 'Ref')))).toBe('Ref(${${${${${${${${${${${…}}}}}}}}}}})');
    expect(textOf(unresolved(nest(5000, 'Fn::Base64')))).toBe('Base64(${Base64(${Base64(${Base64(${Base64(${Base64(${…})})})})})})');
  });

  test('a value of the wrong type is shown as written', () => {
    expect(textOf(malformed({ foo: 1 }) as never)).toBe('{"foo":1}');
  });
});
