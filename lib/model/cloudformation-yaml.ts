import type { Tags } from 'yaml';

/** CloudFormation's short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`…) as YAML tags. */
const SHORT_FORMS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Contains', 'EachMemberEquals', 'EachMemberIn',
  'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString',
];

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function intrinsicTags(): Tags {
  const tags: Tags = [];
  for (const name of ['Ref', 'Condition', ...SHORT_FORMS]) {
    const key = longForm(name);
    tags.push({
      tag: `!${name}`,
      // `!GetAtt Resource.Attribute` is the scalar form of `[Resource, Attribute]`.
      resolve: (text: string) => ({ [key]: name === 'GetAtt' ? splitGetAtt(text) : text }),
    });
    tags.push({ tag: `!${name}`, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() }) });
    tags.push({ tag: `!${name}`, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() }) });
  }
  return tags;
}

function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

let customTags: Tags | undefined;

/** Parses a CloudFormation template in YAML, short-form intrinsics included, to its JSON form. */
export function parseCloudFormationYaml(text: string): unknown {
  // Loaded on first use: every CDK app that imports this library would otherwise load the YAML
  // parser (dozens of modules) at start-up, and only templates read from files need it.
  const { parse } = require('yaml') as typeof import('yaml');
  customTags ??= intrinsicTags();
  return parse(text, { customTags, uniqueKeys: true, maxAliasCount: 1000 });
}
