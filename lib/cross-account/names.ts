import { Token } from 'aws-cdk-lib';
import { isCloudFormationName } from '../model/cloudformation-names';
import { isRegion } from '../private/aws-region';

/**
 * Input checks for the values cross-account names are built from. Every name that crosses an account
 * boundary must be known at synth time (a token cannot be resolved in another account's stack), so
 * each check also rejects unresolved tokens.
 */

/** Throws unless `value` is a literal 12-digit AWS account ID. */
export function assertAccountId(where: string, prop: string, value: string): void {
  assertLiteral(where, prop, value);
  if (!/^\d{12}$/.test(value)) {
    throw new Error(`${where}: ${prop} must be a 12-digit AWS account ID, got "${value}".`);
  }
}

/** Throws unless `value` is a literal region name such as us-east-1. */
export function assertRegion(where: string, prop: string, value: string): void {
  assertLiteral(where, prop, value);
  if (!isRegion(value)) {
    throw new Error(`${where}: ${prop} must be an AWS region name such as "us-east-1", got "${value}".`);
  }
}

/**
 * CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
 */
export function assertStackName(where: string, value: string): void {
  assertLiteral(where, 'stackName', value);
  if (!isCloudFormationName(value)) {
    throw new Error(`${where}: stackName "${value}" is not a CloudFormation stack name: it must start with a letter and contain only letters, digits and hyphens, at most 128 characters.`);
  }
}

/**
 * CloudFormation change set names: a letter, then letters, digits and hyphens, at most 128 characters.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 */
export function assertChangeSetName(where: string, value: string): void {
  assertLiteral(where, 'changeSetName', value);
  if (!isCloudFormationName(value)) {
    throw new Error(`${where}: changeSetName "${value}" is not a CloudFormation change set name: it must start with a letter and contain only letters, digits and hyphens, at most 128 characters.`);
  }
}

/**
 * S3 general purpose bucket naming rules that a generated name can break.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function assertBucketName(where: string, prop: string, value: string, fix?: string): void {
  const problems: string[] = [];
  if (value.length < 3 || value.length > 63) problems.push(`it is ${value.length} characters long (3–63 allowed)`);
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(value)) problems.push('it may contain only lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit');
  if (value.includes('..')) problems.push('it must not contain two adjacent dots');
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (value.startsWith(prefix)) problems.push(`it must not start with "${prefix}"`);
  }
  if (problems.length > 0) {
    throw new Error(`${where}: ${prop} "${value}" is not a valid S3 bucket name: ${problems.join('; ')}.${fix ? ` ${fix}` : ''}`);
  }
}

function assertLiteral(where: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    throw new Error(`${where}: ${prop} must be a literal value, got a token (${value}). Cross-account names are written into other accounts' policies at synth time; pass the literal value.`);
  }
}
