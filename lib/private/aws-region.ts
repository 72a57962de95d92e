/**
 * A Region code as AWS writes them: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`.
 * One pattern for the constructs (a target's Region) and pipectl (`--region`, `AWS_REGION`, which the
 * SDK puts into an endpoint's host name).
 *
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export function isRegion(value: string): boolean {
  return REGION_PATTERN.test(value);
}
