import { ActionModel, Maybe, PipelineModel, StageModel } from '../model/pipeline-model';
import { describeLiteral, isUnknown } from '../model/values';
import { Rule, Sources, Violation } from './rule';

interface NamedThing {
  readonly value: Maybe<string> | undefined;
  readonly stage?: StageModel;
  readonly action?: ActionModel;
  /** Whether the name may be absent (e.g. an optional namespace). */
  readonly optional?: boolean;
}

/** The API's pipeline, stage and action name shape: 1–100 of letters, digits, ".", "@", "_" and "-". */
export const ENTITY_NAME = {
  pattern: /^[A-Za-z0-9.@_-]+$/,
  allowed: 'letters, digits, ".", "@", "_" and "-"',
  maxLength: 100,
} as const;

export interface NameRuleProps {
  readonly id: string;
  /** What is named, e.g. "stage name". */
  readonly what: string;
  readonly pattern: RegExp;
  /** The allowed characters, in words, for the message. */
  readonly allowed: string;
  readonly maxLength: number;
  readonly names: (pipeline: PipelineModel) => Iterable<NamedThing>;
}

/** A rule for one of the API's name shapes: 1 to `maxLength` characters matching `pattern`. */
export function nameRule(props: NameRuleProps): Rule {
  return {
    id: props.id,
    severity: 'error',
    description: `${capitalize(props.what)} length and characters`,
    limit: `1–${props.maxLength} characters, ${props.allowed}`,
    source: Sources.API,
    *check(pipeline) {
      for (const thing of props.names(pipeline)) {
        const violation = checkName(props, thing);
        if (violation) yield violation;
      }
    },
  };
}

function checkName(props: NameRuleProps, thing: NamedThing): Violation | undefined {
  const { value, stage, action } = thing;
  if (isUnknown(value)) return undefined;
  if (value === undefined || value === '') {
    if (thing.optional && value === undefined) return undefined;
    return { stage, action, message: `${props.what} is missing or empty`, fix: `give it a name of 1–${props.maxLength} characters (${props.allowed}).` };
  }
  if (typeof value !== 'string') {
    return { stage, action, message: `${props.what} ${describeLiteral(value)} is not a string`, fix: `use a string of ${props.allowed}.` };
  }
  if (value.length > props.maxLength) {
    return {
      stage,
      action,
      message: `${props.what} "${value}" is ${value.length} characters; the limit is ${props.maxLength}`,
      fix: `shorten it to ${props.maxLength} characters or fewer.`,
    };
  }
  if (!props.pattern.test(value)) {
    const bad = [...new Set([...value].filter((c) => !props.pattern.test(c)))].map((c) => JSON.stringify(c)).join(', ');
    return {
      stage,
      action,
      message: `${props.what} "${value}" contains ${bad}; only ${props.allowed} are allowed`,
      fix: `remove or replace ${bad}.`,
    };
  }
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
