import { decryptAccess, parseKeyPolicy } from '../../lib/ops/key-policy';

const ROLE = 'arn:aws:iam::222222222222:role/cfn-deploy';
const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

test('a grant to the account root lets the account decrypt', () => {
  const statements = parseKeyPolicy(
    policy({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::222222222222:root'] }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }),
  );
  expect(decryptAccess(statements, '222222222222', ROLE)).toEqual({ allowed: true, via: 'arn:aws:iam::222222222222:root', conditional: undefined });
});

test('a grant to the role itself, to kms:*, or by account ID counts', () => {
  expect(decryptAccess(parseKeyPolicy(policy({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'kms:*' })), '222222222222', ROLE).allowed).toBe(true);
  expect(decryptAccess(parseKeyPolicy(policy({ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'kms:Decrypt*' })), '222222222222', ROLE).allowed).toBe(true);
});

test('a grant to another account, or without kms:Decrypt, does not', () => {
  const statements = parseKeyPolicy(
    policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'kms:Decrypt' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: ['kms:Encrypt', 'kms:DescribeKey'] },
    ),
  );
  expect(decryptAccess(statements, '222222222222', ROLE)).toEqual({ allowed: false });
});

test('an explicit Deny wins and is named', () => {
  const statements = parseKeyPolicy(
    policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'kms:*' },
      { Sid: 'NoTest', Effect: 'Deny', Principal: { AWS: '222222222222' }, Action: 'kms:Decrypt' },
    ),
  );
  expect(decryptAccess(statements, '222222222222', ROLE)).toEqual({ allowed: false, deniedBy: 'NoTest' });
});

test('a Deny behind conditions pipectl cannot evaluate is reported, not taken as a denial', () => {
  const statements = parseKeyPolicy(
    policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'kms:*' },
      { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 'kms:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ),
  );
  expect(decryptAccess(statements, '222222222222', ROLE)).toEqual({
    allowed: true, via: 'arn:aws:iam::222222222222:root', conditional: undefined, conditionallyDeniedBy: 'TlsOnly',
  });
});

test('a kms:CallerAccount condition is evaluated; other conditions are flagged', () => {
  const star = (condition: object): string => policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Condition: condition });
  expect(decryptAccess(parseKeyPolicy(star({ StringEquals: { 'kms:CallerAccount': '333333333333' } })), '222222222222', ROLE).allowed).toBe(false);
  expect(
    decryptAccess(parseKeyPolicy(star({ StringEquals: { 'kms:CallerAccount': ['222222222222'], 'kms:ViaService': 's3.us-east-1.amazonaws.com' } })), '222222222222', ROLE),
  ).toEqual({ allowed: true, via: '*', conditional: true });
});

test('a policy that is not JSON is reported', () => {
  expect(() => parseKeyPolicy('{')).toThrow(/^the key policy is not JSON: /);
  expect(() => parseKeyPolicy('{}')).toThrow('the key policy has no Statement');
});
