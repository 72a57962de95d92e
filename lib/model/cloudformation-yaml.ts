import type { Alias, Document, Node, Pair, Tags, YAMLMap, YAMLSeq } from 'yaml';
import { PipelineInputError } from './input-error';

/** CloudFormation's short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`…) as YAML tags. */
const SHORT_FORMS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Contains', 'EachMemberEquals', 'EachMemberIn',
  'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString',
];
const TAG_NAMES = ['Ref', 'Condition', ...SHORT_FORMS];

/**
 * How many nodes aliases may add to a document when expanded. An anchor used many times, or aliases
 * of aliases ("billion laughs"), can grow a small file into millions of values; a template reaches
 * nowhere near this (CloudFormation takes at most 1 MB).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

type Yaml = typeof import('yaml');

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function intrinsicTags(yaml: Yaml): Tags {
  const tags: Tags = [];
  for (const name of TAG_NAMES) {
    const key = longForm(name);
    tags.push({
      tag: `!${name}`,
      // `!GetAtt Resource.Attribute` is the scalar form of `[Resource, Attribute]`.
      resolve: (text: string) => ({ [key]: name === 'GetAtt' ? splitGetAtt(text) : text }),
    });
    // A collection stays a node inside a one-key map, so that the document turns it into values
    // itself, with its anchors: an alias inside (`!Sub [*text, {}]`) becomes the anchored value.
    const wrap = (collection: YAMLMap | YAMLSeq) => {
      const map = new yaml.YAMLMap();
      map.items.push(new yaml.Pair(key, collection));
      return map;
    };
    tags.push({ tag: `!${name}`, collection: 'seq', resolve: wrap });
    tags.push({ tag: `!${name}`, collection: 'map', resolve: wrap });
  }
  return tags;
}

function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

let customTags: Tags | undefined;

/**
 * Parses a CloudFormation template in YAML, short-form intrinsics included, to its JSON form; a
 * document with no content (empty, or only comments) is undefined. As CloudFormation does, a key
 * given twice keeps its last value, and a tag other than the short forms is an error.
 * @throws PipelineInputError naming `file`, in one line, for anything it cannot read
 */
export function parseCloudFormationYaml(text: string, file = 'input'): unknown {
  // Loaded on first use: every CDK app that imports this library would otherwise load the YAML
  // parser (dozens of modules) at start-up, and only templates read from files need it.
  const yaml = require('yaml') as Yaml;
  customTags ??= intrinsicTags(yaml);
  // parseDocument, not parse: parse prints warnings (an unknown tag) on stderr itself.
  const document = yaml.parseDocument(text, { customTags, uniqueKeys: false });
  const [error] = document.errors;
  if (error) {
    const message = error.message.split('\n')[0];
    if (message.startsWith('Maximum call stack size exceeded')) {
      throw new PipelineInputError(`${file}: the YAML nests too deeply to read (${message.replace(/^Maximum call stack size exceeded /, '').replace(/:$/, '')}). Fix: flatten the nesting.`);
    }
    throw new PipelineInputError(`${file}: invalid YAML: ${message}`);
  }
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = /tag: (\S+)/.exec(unknownTag.message)?.[1] ?? 'tag';
    const at = unknownTag.linePos?.[0];
    throw new PipelineInputError(
      `${file}: unknown YAML tag ${tag}${at ? ` at line ${at.line}, column ${at.col}` : ''}; CloudFormation reads only the short forms ${TAG_NAMES.map((n) => `!${n}`).join(', ')}. Fix: use one of them, or the long form { "Fn::Name": … }.`,
    );
  }
  if (document.contents === null) return undefined;
  checkAliasExpansion(yaml, document, file);
  // Expansion is bounded above, so yaml's own alias-count limit (which refuses many small aliases
  // while letting a few huge ones through) is not needed.
  try {
    return document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    // Anything the checks above did not foresee is still a file that cannot be read, not a crash.
    throw new PipelineInputError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Refuses a document whose aliases, expanded, would add more than {@link MAX_ALIAS_EXPANSION}
 * nodes, or that refers to itself (`&a [*a]`), before anything is expanded. Counts each node's
 * expanded size once, bottom up, without recursion (documents may nest deeply).
 */
function checkAliasExpansion(yaml: Yaml, document: Document, file: string): void {
  const targets = aliasTargets(yaml, document, file);
  if (targets.size === 0) return;
  const childrenOf = (node: unknown): unknown[] => {
    if (yaml.isAlias(node)) return targets.has(node) ? [targets.get(node)] : [];
    if (yaml.isPair(node)) return [(node as Pair).key, (node as Pair).value].filter((part) => yaml.isNode(part));
    if (yaml.isCollection(node)) return (node as YAMLMap | YAMLSeq).items as unknown[];
    return [];
  };
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  const pending: Array<{ node: unknown; entered: boolean }> = [{ node: document.contents, entered: false }];
  let written = 0;
  while (pending.length > 0) {
    const top = pending[pending.length - 1];
    if (sizes.has(top.node)) {
      pending.pop();
      continue;
    }
    if (!top.entered) {
      top.entered = true;
      open.add(top.node);
      if (!yaml.isAlias(top.node) && !yaml.isPair(top.node)) written += 1;
      for (const child of childrenOf(top.node)) {
        if (open.has(child)) throw new PipelineInputError(`${file}: a YAML alias refers to the node that holds it, which never ends. Fix: remove the alias or its anchor.`);
        if (!sizes.has(child)) pending.push({ node: child, entered: false });
      }
      continue;
    }
    pending.pop();
    open.delete(top.node);
    let size = yaml.isAlias(top.node) || yaml.isPair(top.node) ? 0 : 1;
    for (const child of childrenOf(top.node)) size += sizes.get(child) ?? 1;
    sizes.set(top.node, size);
  }
  const added = (sizes.get(document.contents) ?? 0) - written;
  if (added > MAX_ALIAS_EXPANSION) {
    throw new PipelineInputError(
      `${file}: YAML aliases would add ${added > 1e12 ? 'more than a trillion' : added.toLocaleString('en-US')} values when expanded; the limit is ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')}. Fix: write the repeated parts out, or use fewer aliases of large anchors.`,
    );
  }
}

/**
 * The node each alias stands for: the last node with its anchor before it, in document order, as
 * yaml resolves it. Walked without recursion.
 */
function aliasTargets(yaml: Yaml, document: Document, file: string): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (yaml.isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        throw new PipelineInputError(`${file}: the YAML alias *${node.source} has no anchor &${node.source} before it. Fix: define the anchor before the alias, or write the value out.`);
      }
      targets.set(node, target);
      continue;
    }
    if (yaml.isNode(node) && node.anchor) anchors.set(node.anchor, node);
    const children = yaml.isPair(node) ? [node.key, node.value] : yaml.isCollection(node) ? (node.items as unknown[]) : [];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return targets;
}
