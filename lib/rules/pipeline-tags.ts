import { describeLiteral, isUnknown } from '../model/values';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const pipelineTags: Rule = {
  id: 'pipeline-tags',
  severity: 'error',
  description: 'Pipeline tags: count, key and value lengths',
  limit: '≤ 50 tags; key 1–128, value ≤ 256 characters',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    const tags = pipeline.tags ?? [];
    const max = quotas.quotas.maxTagsPerPipeline;
    if (tags.length > max) {
      yield { message: `the pipeline has ${tags.length} tags; the limit is ${max}`, fix: 'remove tags, or tag the stack instead of the pipeline.', source: quotas.sourceOf('maxTagsPerPipeline') };
    }
    for (const { key, value } of tags) {
      if (!isUnknown(key) && (typeof key !== 'string' || key.length < 1 || key.length > 128)) {
        yield { message: `tag key ${describeLiteral(key)} is not 1–128 characters`, fix: 'use a tag key of 1 to 128 characters.' };
      }
      if (!isUnknown(value) && typeof value === 'string' && value.length > 256) {
        yield { message: `the value of tag ${describeLiteral(key)} is ${value.length} characters; the limit is 256`, fix: 'shorten the tag value to 256 characters or fewer.' };
      }
    }
  },
};
