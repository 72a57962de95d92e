import { Token } from 'aws-cdk-lib';
import { MAX_CLOUDFORMATION_NAME, isCloudFormationName } from '../model/cloudformation-names';

/** Throws when a literal stack or change set name would be rejected by CloudFormation. */
export function validateCloudFormationName(value: string, where: string): void {
  if (Token.isUnresolved(value)) return;
  if (!isCloudFormationName(value)) {
    throw new Error(`${where} "${value}" is not a valid CloudFormation name: start with a letter, then use letters, digits and hyphens, at most ${MAX_CLOUDFORMATION_NAME} characters.`);
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
