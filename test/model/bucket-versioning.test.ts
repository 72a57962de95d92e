import { bucketVersioning } from '../../lib/model/bucket-versioning';

describe('bucketVersioning', () => {
  test('a literal status says yes or no', () => {
    expect(bucketVersioning({ Status: 'Enabled' })).toBe(true);
    expect(bucketVersioning({ status: 'Enabled' })).toBe(true);
    expect(bucketVersioning({ Status: 'Suspended' })).toBe(false);
    expect(bucketVersioning(undefined)).toBe(false);
    expect(bucketVersioning({})).toBe(false);
  });

  test('a deploy-time value is unknown, never a false "not versioned"', () => {
    expect(bucketVersioning({ Status: { 'Fn::If': ['Versioned', 'Enabled', 'Suspended'] } })).toBeUndefined();
    expect(bucketVersioning({ 'Fn::If': ['Versioned', { Status: 'Enabled' }, { Ref: 'AWS::NoValue' }] })).toBeUndefined();
    expect(bucketVersioning({ Status: { Ref: 'VersioningStatus' } })).toBeUndefined();
  });
});
