import { ChangeInput } from '../../../lib/review/change-set-review';
import { reviewChangeSet } from '../../../lib/review/classify';
import { reviewOutcome } from '../../../lib/review/step/review-outcome';
import { MAX_SUMMARY_LENGTH, ReviewParameters, effectiveFailOn, parseReviewParameters } from '../../../lib/review/step/review-parameters';
import { releaseChangeSet } from '../change-set-fixtures';
import { ROLE_ARN, userParameters } from './job-fixtures';

const parameters: ReviewParameters = parseReviewParameters(userParameters({ failOn: ['data-loss'] }));

test('UserParameters as the construct writes them', () => {
  expect(parameters).toEqual({ stackName: 'app-prod', changeSetName: 'release', account: '333333333333', region: 'eu-west-1', roleArn: ROLE_ARN, failOn: ['data-loss'], acknowledge: [] });
});

test('an empty acknowledgement (an unset pipeline variable) acknowledges nothing', () => {
  const outcome = reviewOutcome(reviewChangeSet(releaseChangeSet()), { ...parameters, acknowledge: [''] });
  expect(outcome.unacknowledged.map((u) => [u.flag, u.change.logicalId])).toEqual([['data-loss', 'Database'], ['data-loss', 'ExportQueue'], ['nested-stack', 'NetworkStack']]);
});

test('failOn: nested-stack is implied by data-loss and by permissions, taken alone, and not implied by an empty failOn', () => {
  const flagged = (failOn: ReviewParameters['failOn']) => reviewOutcome(reviewChangeSet(releaseChangeSet()), { ...parameters, failOn }).unacknowledged.map((u) => `${u.flag}:${u.change.logicalId}`);
  expect(flagged(['permissions'])).toEqual(['permissions:ReportsRole', 'permissions:UploadsBucketPolicy', 'nested-stack:NetworkStack']);
  expect(flagged(['nested-stack'])).toEqual(['nested-stack:NetworkStack']);
  expect(flagged([])).toEqual([]);
  expect(effectiveFailOn(['data-loss', 'nested-stack'])).toEqual(['data-loss', 'nested-stack']);
});

test(`a summary longer than ${MAX_SUMMARY_LENGTH} characters is cut, saying the report has the rest`, () => {
  const tables: ChangeInput[] = Array.from({ length: 20 }, (_, i) => ({
    Type: 'Resource',
    ResourceChange: { Action: 'Remove', LogicalResourceId: `OrdersTable${i}`, ResourceType: 'AWS::DynamoDB::Table', PolicyAction: 'Delete' },
  }));
  const outcome = reviewOutcome(reviewChangeSet(releaseChangeSet(tables)), parameters);
  expect(outcome.summary).toHaveLength(MAX_SUMMARY_LENGTH);
  expect(outcome.summary.startsWith('20 changes (20 Remove); data-loss: AWS::DynamoDB::Table OrdersTable0 (table items, removed), ')).toBe(true);
  expect(outcome.summary.endsWith('… (the report has the rest)')).toBe(true);
  expect(outcome.outputVariables.Summary).toBe(outcome.summary);
  expect(outcome.failure).toMatch(/^The change set "release" of stack "app-prod" \(account 333333333333, eu-west-1\) has 20 changes not acknowledged: /);
});
