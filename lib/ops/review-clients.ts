import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STSClient } from '@aws-sdk/client-sts';
import { addAnswerChecks } from './answer-checks';
import { AwsOptions, checkedClientConfig, requestTimeouts } from './clients';
import { assumeReviewerRole, RoleSession } from '../review/assume-role';
import type { CloudFormationApi } from '../review/describe-change-set';
import { AccountAccess } from './review-access';
import { checkProfile } from './profiles';
import { OperationFailed } from './target';

/** The one call the review needs from a CloudFormation client (one type for the CLI and the review step). */
export type { CloudFormationApi };
/** The one call the review needs from an STS client. */
export type StsApi = Pick<STSClient, 'send'>;
/** A CloudFormation client for an account's access, in a Region. */
export type CloudFormationFactory = (access: AccountAccess, region: string | undefined) => Promise<CloudFormationApi>;

/** CloudFormation and STS speak the query protocol: their answers, errors included, are XML. */
const XML = /xml/i;

/** The session name CloudTrail shows for the reviewer's calls. */
export const REVIEW_SESSION_NAME = 'pipectl-review';

/**
 * Builds CloudFormation clients under the same timeouts and checks as every pipectl client. A role is
 * assumed once per role (the session serves every Region), through STS in the change set's Region.
 */
export function createCloudFormationFactory(options: AwsOptions, sts?: (region: string | undefined) => StsApi): CloudFormationFactory {
  const config = checkedClientConfig(options);
  const timeouts = requestTimeouts(options);
  const stsFor = sts ?? ((region: string | undefined): StsApi => {
    const client = new STSClient(region === undefined ? config : { ...config, region });
    addAnswerChecks(client, timeouts, XML);
    return client;
  });
  const sessions = new Map<string, Promise<RoleSession>>();
  return async (access, region) => {
    const where = region === undefined ? config : { ...config, region };
    let client: CloudFormationClient;
    if (access.kind === 'current') client = new CloudFormationClient(where);
    else if (access.kind === 'profile') {
      checkProfile(access.profile);
      client = new CloudFormationClient({ ...where, profile: access.profile });
    } else {
      let session = sessions.get(access.roleArn);
      if (!session) {
        session = assumeRole(stsFor(region ?? options.region), access.roleArn);
        sessions.set(access.roleArn, session);
      }
      client = new CloudFormationClient({ ...where, credentials: await session });
    }
    addAnswerChecks(client, timeouts, XML);
    return client;
  };
}

/** The reviewer role's session, with STS's answer without credentials as an operation failure. */
async function assumeRole(sts: StsApi, roleArn: string): Promise<RoleSession> {
  try {
    return await assumeReviewerRole(sts, roleArn, REVIEW_SESSION_NAME);
  } catch (error) {
    if (error instanceof Error && /returned no credentials$/.test(error.message)) throw new OperationFailed(error.message);
    throw error;
  }
}
