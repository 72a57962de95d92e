/**
 * CloudFormation stack and change set names: a letter, then letters, digits and hyphens, at most 128
 * characters. One definition for the rules, the stages and the cross-account constructs.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 */
export const MAX_CLOUDFORMATION_NAME = 128;
const CLOUDFORMATION_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

export function isCloudFormationName(value: string): boolean {
  return value.length <= MAX_CLOUDFORMATION_NAME && CLOUDFORMATION_NAME.test(value);
}
