import { describeLiteral, isUnknown } from '../model/values';
import { Rule, Sources } from './rule';

const MODES = ['SUPERSEDED', 'QUEUED', 'PARALLEL'];

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html */
export const executionMode: Rule = {
  id: 'execution-mode',
  severity: 'error',
  description: 'Pipeline execution mode',
  limit: 'SUPERSEDED (the default), QUEUED or PARALLEL',
  source: Sources.API,
  *check(pipeline) {
    const mode = pipeline.executionMode;
    if (mode === undefined || isUnknown(mode)) return;
    if (typeof mode === 'string' && MODES.includes(mode)) return;
    const upper = typeof mode === 'string' ? mode.toUpperCase() : undefined;
    yield {
      message: `execution mode ${describeLiteral(mode)} is not SUPERSEDED, QUEUED or PARALLEL`,
      fix: upper !== undefined && MODES.includes(upper) ? `write it as ${upper}.` : 'use SUPERSEDED (the default), QUEUED or PARALLEL.',
    };
  },
};
