import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** STS's shortest session: reading a change set takes seconds. */
export const REVIEW_SESSION_SECONDS = 900;

/** Temporary credentials of an assumed role, as the SDK's clients take them. */
export interface RoleSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration?: Date;
}

/**
 * Assumes a reviewer role for one short session. The session name shows in the target account's
 * CloudTrail, so it says who read the change set (a pipeline job, or `pipectl review`).
 * Throws when STS answers without credentials.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export async function assumeReviewerRole(sts: Pick<STSClient, 'send'>, roleArn: string, sessionName: string): Promise<RoleSession> {
  const answer = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName.slice(0, 64), DurationSeconds: REVIEW_SESSION_SECONDS }));
  const c = answer.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: c.Expiration } : {}) };
}
