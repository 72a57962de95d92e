import { truncate, wrap } from '../../lib/diagram/text';

describe('wrap', () => {
  test('breaks after a space, hyphen, slash, colon or comma in the second half of a line', () => {
    expect(wrap('deploy the prod stack', 10, 3)).toEqual(['deploy the', 'prod stack']);
    expect(wrap('arn:aws:iam::222222222222:role/deploy', 16, 3)).toEqual(['arn:aws:iam::', '222222222222:', 'role/deploy']);
  });

  test('cuts inside a word when there is no break, and ends the last line with an ellipsis', () => {
    expect(wrap('a'.repeat(25), 10, 2)).toEqual(['a'.repeat(10), `${'a'.repeat(9)}…`]);
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  test('a name of many spaces is one pass, not one copy of the rest per space', () => {
    expect(wrap(`a${' '.repeat(200_000)}b`, 10, 2)).toEqual(['a', 'b']);
  });
});
