import { forMarkdown } from '../../output';
import { ChangeSetReview, ReviewedChange, propertyText } from '../change-set-review';
import type { ReviewJob } from './review-job';
import { ReviewOutcome } from './review-outcome';
import { ReviewParameters, effectiveFailOn } from './review-parameters';

/** The files of the step's output artifact. */
export const REPORT_MARKDOWN = 'change-set-review.md';
export const REPORT_JSON = 'change-set-review.json';

/** What each flag means, as the report's legend says it. */
const LEGEND = [
  'data-loss: a resource that holds data (a database, table, bucket, file system, key, user pool, stream, queue…) is removed or replaced, and its policy does not retain it.',
  'permissions: an IAM role, user, group or policy, a security group rule, or a resource policy (bucket, key, topic, queue…) is added, changed or removed.',
  'nested-stack: a nested stack changes; its own changes are in its own change set, which this review does not read (a step that fails on data-loss or permissions fails on it too, until it is acknowledged).',
];

/** Where the job ran, as CodePipeline holds it. */
type JobPipeline = ReviewJob['pipeline'];

/** The report as JSON: the job and parameters it was made with, the outcome, and the whole review. */
export function reviewReportJson(parameters: ReviewParameters, review: ChangeSetReview, outcome: ReviewOutcome, pipeline?: JobPipeline): string {
  return `${JSON.stringify({
    ...(pipeline ? { pipeline } : {}),
    stackName: parameters.stackName,
    changeSetName: parameters.changeSetName,
    account: parameters.account,
    region: parameters.region,
    summary: outcome.summary,
    result: outcome.failure === undefined ? 'passed' : 'failed',
    ...(outcome.failure !== undefined ? { failure: outcome.failure } : {}),
    failOn: effectiveFailOn(parameters.failOn),
    acknowledge: parameters.acknowledge,
    unacknowledged: outcome.unacknowledged.map(({ flag, change }) => ({ flag, logicalId: change.logicalId, resourceType: change.resourceType })),
    review,
  }, undefined, 2)}\n`;
}

/** The report as Markdown (GitHub-flavoured): every value from AWS or the user through forMarkdown. */
export function reviewReportMarkdown(parameters: ReviewParameters, review: ChangeSetReview, outcome: ReviewOutcome, pipeline?: JobPipeline): string {
  const m = forMarkdown;
  const lines = [
    `# Change set ${m(parameters.changeSetName)} of stack ${m(parameters.stackName)}`,
    '',
    ...(pipeline ? [`Pipeline ${m(pipeline.name)}, stage ${m(pipeline.stage)}, action ${m(pipeline.action)}\\.`, ''] : []),
    `Account ${m(parameters.account)}, Region ${m(parameters.region)}: ${m(review.meaning.text)}\\.`,
    '',
    `**Summary:** ${m(outcome.summary)}`,
    '',
    outcome.failure === undefined ? '**Result:** passed' : `**Result:** failed: ${m(outcome.failure)}`,
  ];
  const failOn = effectiveFailOn(parameters.failOn);
  if (failOn.length > 0) {
    lines.push('', `Fails on: ${failOn.map(m).join(', ')}; acknowledged: ${parameters.acknowledge.length > 0 ? parameters.acknowledge.map(m).join(', ') : 'none'}`);
  }
  if (review.changes.length > 0) {
    lines.push('', '| Action | Logical ID | Type | Replacement | Changed properties | Flags |', '| --- | --- | --- | --- | --- | --- |');
    for (const change of review.changes) lines.push(row(change));
    // A change set ARN would double the table's width: the nested stacks' own change sets come below it.
    const nested = review.changes.filter((c) => c.nestedChangeSetId);
    if (nested.length > 0) lines.push('', ...nested.map((c) => `Nested stack ${m(c.logicalId)}: its own changes are in change set ${m(c.nestedChangeSetId!)}`));
    lines.push('', ...LEGEND.map((entry) => `- ${m(entry)}`));
  }
  return `${lines.join('\n')}\n`;
}

function row(change: ReviewedChange): string {
  const m = forMarkdown;
  const replacement = [change.replacement ?? '-', ...(change.policyAction ? [`policy: ${change.policyAction}`] : [])].map(m).join('<br>');
  const properties = change.changedProperties.map((p) => m(propertyText(p))).join('<br>');
  const flags = change.flags.map((f) => m(`${f.flag}: ${f.reason}`)).join('<br>');
  return `| ${[m(change.action), m(change.logicalId), m(change.resourceType), replacement, properties, flags].join(' | ')} |`;
}
