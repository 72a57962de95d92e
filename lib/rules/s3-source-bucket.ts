import { describeValue } from '../model/values';
import { actionPartKnown, allActions, categoryOf, providerOf } from '../model/walk';
import { accountOfAction } from './account-of-action';
import { Rule, Sources } from './rule';

/**
 * An S3 source reads a versioned bucket in the pipeline's account. Checked where the template (or
 * the CDK stack) defines the bucket, or where the action runs in another account.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html
 */
export const s3SourceBucket: Rule = {
  id: 's3-source-bucket',
  severity: 'error',
  description: 'S3 source bucket is versioned and in the pipeline account (where knowable)',
  limit: 'versioning enabled; pipeline account',
  source: 'CodePipeline user guide, Amazon S3 source action reference',
  *check(pipeline) {
    const pipelineAccount = pipeline.context.account;
    for (const place of allActions(pipeline)) {
      const { stage, action } = place;
      if (categoryOf(action) !== 'Source' || providerOf(action) !== 's3') continue;
      if (!actionPartKnown(pipeline, place, 'configuration')) continue;
      const bucket = action.configuration.S3Bucket;
      if (bucket === undefined) {
        yield { stage, action, message: 'the S3 source has no S3Bucket', fix: 'set S3Bucket to the versioned bucket the source reads.', source: Sources.STRUCTURE };
        continue;
      }
      const facts = pipeline.context.buckets?.[describeValue(bucket)];
      if (facts?.versioned === false) {
        yield { stage, action, message: `the S3 source reads bucket ${describeValue(bucket)}, which is not versioned`, fix: 'enable versioning on the bucket (VersioningConfiguration Status Enabled; versioned: true in CDK).' };
      }
      const account = facts?.account ?? accountOfAction(pipeline, action);
      if (account !== undefined && pipelineAccount !== undefined && account !== pipelineAccount) {
        yield {
          stage,
          action,
          message: `the S3 source reads from account ${account}, not the pipeline's account ${pipelineAccount}`,
          fix: 'put the source bucket in the pipeline account (replicate it there if it must live elsewhere).',
        };
      }
    }
  },
};
