import { pipectlHint } from '../../lib/ops/pipectl-hint';

describe('a pipectl command to paste', () => {
  test('plain names stay plain, with the Region and profile it was called with', () => {
    expect(pipectlHint(['approve'], ['Release', 'TestStage', 'ApproveTestStack'], { region: 'eu-west-1', profile: 'ops' })).toBe(
      'pipectl approve --region eu-west-1 --profile ops Release TestStage ApproveTestStack',
    );
  });

  test('a name that starts with "-" comes after "--", so that it is not read as an option', () => {
    expect(pipectlHint(['approve'], ['Release', '--help', '-V'])).toBe('pipectl approve -- Release --help -V');
  });
});
