import { forJson, forMarkdown, forMermaid, forTerminal, forXml, linesForTerminal, shellCommand, shellQuote } from '../../lib/output';

describe('forTerminal', () => {
  test('shows escape sequences, line breaks and bidirectional overrides as visible escapes', () => {
    expect(forTerminal('ok\x1b[2J\x1b[H0 errors')).toBe('ok\\x1b[2J\\x1b[H0 errors');
    expect(forTerminal('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(forTerminal('name\u202Egnp.exe')).toBe('name\\u202egnp.exe');
    expect(forTerminal('\u009b31m\u007f')).toBe('\\x9b31m\\x7f');
  });

  test('leaves printable text, accents and emoji alone', () => {
    expect(forTerminal('Déploiement 🚀 "prod" (us-east-1)')).toBe('Déploiement 🚀 "prod" (us-east-1)');
  });

  test('linesForTerminal keeps the line breaks pipectl wrote and escapes everything else', () => {
    expect(linesForTerminal('one\x1b[31m\ntwo\r')).toBe('one\\x1b[31m\ntwo\\r');
  });
});

describe('shellQuote', () => {
  test('leaves plain words as they are', () => {
    expect(shellCommand(['pipectl', 'approve', 'Release', 'Prod.Stage', 'Approve@1', 'us-east-1'])).toBe(
      'pipectl approve Release Prod.Stage Approve@1 us-east-1',
    );
  });

  test('single-quotes anything a shell would interpret', () => {
    expect(shellQuote('x; rm -rf ~')).toBe(`'x; rm -rf ~'`);
    expect(shellQuote('$(curl evil)')).toBe(`'$(curl evil)'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });

  test('writes control characters with ANSI-C quoting, safe on a terminal and exact when pasted', () => {
    expect(shellQuote("a\x1b[2Jb'c\\d\ne")).toBe(`$'a\\x1b[2Jb\\'c\\\\d\\x0ae'`);
    expect(shellQuote('x\u202Ey')).toBe(`$'x\\u202ey'`);
  });
});

describe('forMarkdown', () => {
  test('writes HTML as entities and escapes Markdown syntax, on one line', () => {
    expect(forMarkdown('<img src=x onerror=alert(1)>\n```\n# Owned')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt; \\`\\`\\` \\# Owned',
    );
    expect(forMarkdown('a_b*c [d](javascript:e) |f| ~g~')).toBe('a\\_b\\*c \\[d\\]\\(javascript:e\\) \\|f\\| \\~g\\~');
  });

  test('drops control characters, the Arabic letter mark included', () => {
    expect(forMarkdown('a\x1b[31mb\u202Ec\u061Cd')).toBe('a\\[31mbcd');
  });
});

describe('forMermaid', () => {
  test('uses Mermaid entity codes for quotes, markup and hashes, and one line', () => {
    expect(forMermaid('a"b<c>&#d\ne`f')).toBe('a#quot;b#lt;c#gt;#amp;#35;d e#96;f');
    expect(forMermaid('%%{init: {"theme":"dark"}}%%')).toBe('#37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;');
  });
});

describe('forXml', () => {
  test('writes the five entities and drops characters XML 1.0 forbids', () => {
    expect(forXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(forXml('a\x00b\x1bc\uFFFEd\uD800e')).toBe('abcde');
    expect(forXml('tab\there\r\n😀')).toBe('tab&#9;here&#13;&#10;😀');
  });
});

describe('forJson', () => {
  test('escapes what JSON.stringify leaves raw, and reads back to the same value', () => {
    const value = { name: 'a\u202Eb\u009bc\u007fd\x1be\u2028' };
    const text = forJson(value);
    expect(text).toBe('{"name":"a\\u202eb\\u009bc\\u007fd\\u001be\\u2028"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
