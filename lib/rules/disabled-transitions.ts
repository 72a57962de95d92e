import { StageModel } from '../model/pipeline-model';
import { known, knownText } from '../model/values';
import { stagesKnown } from '../model/walk';
import { Rule, Sources } from './rule';
import { hasDisabledTransitions } from './rule-scope';

const MAX_REASON = 300;
/** The API's `DisabledReason` pattern: no comma, colon, underscore, quote, "#" or line break. */
const REASON = /^[a-zA-Z0-9!@ ().*?-]+$/;
const REASON_CHARS = 'letters, digits, spaces and ! @ ( ) . * ? -';
/** Stage names listed in a finding, so that a pipeline of many stages makes a short line. */
const SHOWN_STAGES = 10;

/**
 * CloudFormation's DisableInboundStageTransitions: each entry names a stage of the pipeline, with a
 * reason of 1–300 characters of the API's `DisabledReason` pattern.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codepipeline-pipeline-stagetransition.html
 */
export const disabledTransitions: Rule = {
  id: 'disabled-transitions',
  severity: 'error',
  description: 'Disabled inbound transitions name a stage, with a reason',
  limit: 'a stage of the pipeline; reason 1–300 of letters, digits, spaces and ! @ ( ) . * ? -',
  source: Sources.CFN_PIPELINE,
  appliesTo: hasDisabledTransitions,
  *check(pipeline) {
    const transitions = pipeline.disabledInboundTransitions ?? [];
    if (transitions.length === 0) return;
    // A stage whose name is unknown may be the one an entry names.
    const stagesNamed = stagesKnown(pipeline) && pipeline.stages.every((stage) => typeof known(stage.name) === 'string');
    const stagesByName = new Map<string, StageModel>();
    for (const stage of pipeline.stages) {
      const name = known(stage.name);
      if (typeof name === 'string' && !stagesByName.has(name)) stagesByName.set(name, stage);
    }
    for (const transition of transitions) {
      const name = known(transition.stageName);
      const stage = typeof name === 'string' ? stagesByName.get(name) : undefined;
      if (transition.stageName === undefined || name === '') {
        yield { message: 'a disabled transition names no stage', fix: 'set StageName to the stage whose inbound transition to disable.' };
      } else if (typeof name === 'string' && !stage && stagesNamed) {
        const shown = pipeline.stages.slice(0, SHOWN_STAGES).map((s) => `"${known(s.name)}"`);
        const stages = pipeline.stages.length > SHOWN_STAGES ? `${shown.join(', ')}, …` : shown.join(', ');
        yield { message: `a disabled transition names stage "${name}", which is not a stage of the pipeline (${stages})`, fix: 'use the name of one of the pipeline\'s stages.' };
      }
      const what = typeof name === 'string' && name !== '' ? `the reason for disabling the transition into "${name}"` : 'the reason of a disabled transition';
      const reason = knownText(transition.reason);
      if (transition.reason === undefined || reason === '') {
        yield { stage, message: `${what} is missing or empty`, fix: 'give a Reason of 1–300 characters: the console shows it on the transition.' };
      } else if (reason !== undefined && reason.length > MAX_REASON) {
        yield { stage, message: `${what} is ${reason.length} characters; the limit is ${MAX_REASON}`, fix: `shorten it to ${MAX_REASON} characters or fewer.` };
      } else if (reason !== undefined && !REASON.test(reason)) {
        const bad = [...new Set([...reason].filter((c) => !REASON.test(c)))].map((c) => JSON.stringify(c)).join(', ');
        yield { stage, message: `${what} contains ${bad}; only ${REASON_CHARS} are allowed`, fix: `remove or replace ${bad}.` };
      }
    }
  },
};
