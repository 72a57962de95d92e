import { parse, Tags } from 'yaml';

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

const CUSTOM_TAGS = intrinsicTags();

/** Parses a CloudFormation template in YAML, short-form intrinsics included, to its JSON form. */
export function parseCloudFormationYaml(text: string): unknown {
  return parse(text, { customTags: CUSTOM_TAGS, uniqueKeys: true, maxAliasCount: 1000 });
}
