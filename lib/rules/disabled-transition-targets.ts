import { known } from '../model/values';
import { stagesKnown } from '../model/walk';
import { Rule, Sources } from './rule';
import { hasDisabledTransitions } from './rule-scope';

/**
 * Disabled inbound transitions the documents give no meaning to: into the first stage (a transition
 * links a stage to the one before it, and the first has none before it), or into one stage twice
 * (which reason is shown is not said).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/transitions.html
 */
export const disabledTransitionTargets: Rule = {
  id: 'disabled-transition-targets',
  severity: 'warning',
  description: 'Disabled inbound transitions into the first stage, or into one stage twice',
  limit: 'not the first stage; each stage once',
  source: Sources.TRANSITIONS,
  appliesTo: hasDisabledTransitions,
  *check(pipeline) {
    const transitions = pipeline.disabledInboundTransitions ?? [];
    if (transitions.length === 0) return;
    const first = stagesKnown(pipeline) ? known(pipeline.stages[0]?.name) : undefined;
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const transition of transitions) {
      const name = known(transition.stageName);
      if (typeof name !== 'string' || name === '') continue;
      if (name === first && !seen.has(name)) {
        yield {
          stage: pipeline.stages[0],
          message: `a disabled transition names "${name}", the first stage, which has no inbound transition`,
          fix: 'disable the transition into the stage after it, or remove the entry.',
        };
      }
      if (!seen.has(name)) {
        seen.add(name);
      } else if (!reported.has(name)) {
        reported.add(name);
        yield { message: `stage "${name}" is named by more than one disabled transition`, fix: 'keep one entry per stage, with one reason.' };
      }
    }
  },
};
