import { Token } from 'aws-cdk-lib';

/**
 * CloudFormation stack and change set names: a letter, then letters, digits and hyphens, at most 128.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 */
const NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const MAX_NAME = 128;

/** Throws when a literal stack or change set name would be rejected by CloudFormation. */
export function validateCloudFormationName(value: string, where: string): void {
  if (Token.isUnresolved(value)) return;
  if (value.length === 0 || value.length > MAX_NAME || !NAME.test(value)) {
    throw new Error(`${where} "${value}" is not a valid CloudFormation name: start with a letter, then use letters, digits and hyphens, at most ${MAX_NAME} characters.`);
  }
}

/**
 * Artifact paths are `file` or `folder/file` inside an artifact; the stage adds the artifact name.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export function validateArtifactFile(value: string, where: string): void {
  if (Token.isUnresolved(value)) return;
  if (value.length === 0 || value.includes('::') || value.startsWith('/')) {
    throw new Error(`${where} "${value}" is not a file path inside the artifact: write it as "template.yaml" or "folder/template.yaml" (the stage adds "Artifact::").`);
  }
}
