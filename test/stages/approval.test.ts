import { CfnParameter, Duration, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ChangeSetStage, TestStackStage } from '../../lib/stages';
import { ApprovalProps } from '../../lib/stages/approval-props';
import { pipelineStack, release } from './fixtures';

function testStage(approval: ApprovalProps, extra: { stageName?: string; stackName?: string } = {}) {
  const { executionRole } = pipelineStack();
  return () => new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval, ...extra });
}

function approvalsOf(template: Template): any[] {
  const [pipeline] = Object.values(template.findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.flatMap((s: any) => s.Actions).filter((a: any) => a.ActionTypeId.Category === 'Approval');
}

describe('approval.reviewUrl', () => {
  const notWeb = (shown: string) => `TestStackStage TestStage: approval.reviewUrl ${shown} is not an https:// (or http://) URL; the reviewer opens it from the approval: give the web address of what to review, e.g. "https://example.com/review".`;

  test.each([
    ['javascript:alert(document.domain)', '"javascript:alert(document.domain)"'],
    ['data:text/html,<script>alert(1)</script>', '"data:text/html,<script>alert(1)</script>"'],
    ['ftp://example.com/review', '"ftp://example.com/review"'],
    ['//example.com/review', '"//example.com/review"'],
    ['example.com/review', '"example.com/review"'],
    ['https://', '"https://"'],
    ['', '""'],
  ])('%j is an error', (url, shown) => {
    expect(testStage({ reviewUrl: url })).toThrow(notWeb(shown));
  });

  test('whitespace and control characters are errors, shown escaped', () => {
    expect(testStage({ reviewUrl: 'https://example.com/my review' })).toThrow('TestStackStage TestStage: approval.reviewUrl "https://example.com/my review" holds whitespace or a control character (a space at position 22); it must be an https:// (or http://) URL: percent-encode spaces (%20) and remove the other characters.');
    expect(testStage({ reviewUrl: 'https://example.com/\nApprove now' })).toThrow('TestStackStage TestStage: approval.reviewUrl "https://example.com/\\u000aApprove now" holds whitespace or a control character (\\u000a at position 20); it must be an https:// (or http://) URL: percent-encode spaces (%20) and remove the other characters.');
    expect(testStage({ reviewUrl: 'https://example.com/\u202Eweiver' })).toThrow('TestStackStage TestStage: approval.reviewUrl "https://example.com/\\u202eweiver" holds whitespace or a control character (\\u202e at position 20); it must be an https:// (or http://) URL: percent-encode spaces (%20) and remove the other characters.');
  });

  test('https and http URLs pass, and a token is not checked', () => {
    expect(testStage({ reviewUrl: 'https://example.com/review?stack=Test-App#changes' })).not.toThrow();
    expect(testStage({ reviewUrl: 'HTTP://intranet.example.com:8080/review' })).not.toThrow();
    const { stack, source, executionRole } = pipelineStack();
    const url = new CfnParameter(stack, 'ReviewUrl').valueAsString;
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval: { reviewUrl: url } })]);
    expect(approvalsOf(Template.fromStack(stack))[0].Configuration.ExternalEntityLink).toEqual({ Ref: 'ReviewUrl' });
  });
});

describe('approval.timeout', () => {
  test('NaN and Infinity are errors naming the value', () => {
    expect(testStage({ timeout: Duration.minutes(NaN) })).toThrow('TestStackStage TestStage: approval.timeout is Duration.minutes(NaN), which is not a number of minutes; give a whole number of minutes from 5 to 86400, e.g. Duration.hours(4).');
    expect(testStage({ timeout: Duration.hours(Infinity) })).toThrow('TestStackStage TestStage: approval.timeout is Duration.hours(Infinity), which is not a number of minutes; give a whole number of minutes from 5 to 86400, e.g. Duration.hours(4).');
  });

  test('a token duration is an error: the timeout must be literal', () => {
    const { stack } = pipelineStack();
    const minutes = new CfnParameter(stack, 'ApprovalMinutes', { type: 'Number' }).valueAsNumber;
    const message = 'TestStackStage TestStage: approval.timeout is a deploy-time value (a token); a manual approval\'s timeout must be a literal duration from 5 minutes to 60 days, e.g. Duration.hours(4).';
    expect(testStage({ timeout: Duration.minutes(minutes) })).toThrow(message);
    expect(testStage({ timeout: Duration.hours(Token.asNumber(minutes)) })).toThrow(message);
  });
});

describe('approval.notifyEmails', () => {
  test('an address listed twice in one list is an error naming it', () => {
    expect(testStage({ notifyEmails: ['ops@example.com', 'dev@example.com', 'ops@example.com'] })).toThrow('TestStackStage TestStage: approval.notifyEmails lists "ops@example.com" twice; each address is subscribed once: remove the duplicate.');
    expect(testStage({ notifyEmails: ['ops@example.com', 'Ops@Example.com'] })).toThrow('TestStackStage TestStage: approval.notifyEmails lists "ops@example.com" and "Ops@Example.com", the same address; each address is subscribed once: remove the duplicate.');
  });

  test('the same addresses in two stages without a topic: one topic, subscribed once, notified by both approvals', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [
      new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval: { notifyEmails: ['ops@example.com', 'dev@example.com'] } }),
      new ChangeSetStage({ stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml', executionRole, approval: { notifyEmails: ['Dev@example.com', 'ops@example.com'] } }),
    ]);
    const template = Template.fromStack(stack);
    const topics = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topics).toEqual([expect.stringMatching(/^ReleaseTestStageApprovalTopic[0-9A-F]{8}$/)]);
    expect(Object.values(template.findResources('AWS::SNS::Subscription')).map((s: any) => s.Properties)).toEqual([
      { Protocol: 'email', TopicArn: { Ref: topics[0] }, Endpoint: 'ops@example.com' },
      { Protocol: 'email', TopicArn: { Ref: topics[0] }, Endpoint: 'dev@example.com' },
    ]);
    expect(approvalsOf(template).map((a) => a.Configuration.NotificationArn)).toEqual([{ Ref: topics[0] }, { Ref: topics[0] }]);
  });

  test('different addresses in two stages: a topic each', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [
      new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval: { notifyEmails: ['dev@example.com'] } }),
      new ChangeSetStage({ stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml', executionRole, approval: { notifyEmails: ['dev@example.com', 'ops@example.com'] } }),
    ]);
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::SNS::Topic'))).toEqual([
      expect.stringMatching(/^ReleaseTestStageApprovalTopic[0-9A-F]{8}$/),
      expect.stringMatching(/^ReleaseProdStageApprovalTopic[0-9A-F]{8}$/),
    ]);
    template.resourceCountIs('AWS::SNS::Subscription', 3);
  });

  test('one given topic and the same addresses in two stages: each address subscribed once', () => {
    const { stack, source, executionRole } = pipelineStack();
    const topic = new sns.Topic(stack, 'Approvals');
    release(stack, source, [
      new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval: { topic, notifyEmails: ['ops@example.com'] } }),
      new ChangeSetStage({ stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml', executionRole, approval: { topic, notifyEmails: ['ops@example.com', 'lead@example.com'] } }),
    ]);
    const template = Template.fromStack(stack);
    const topicRef = { Ref: stack.getLogicalId(topic.node.defaultChild as any) };
    expect(Object.values(template.findResources('AWS::SNS::Subscription')).map((s: any) => s.Properties)).toEqual([
      { Protocol: 'email', TopicArn: topicRef, Endpoint: 'ops@example.com' },
      { Protocol: 'email', TopicArn: topicRef, Endpoint: 'lead@example.com' },
    ]);
    template.resourceCountIs('AWS::SNS::Topic', 1);
  });
});
