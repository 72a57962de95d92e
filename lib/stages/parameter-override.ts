import { Token } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';

/**
 * The attributes of an artifact that `Fn::GetArtifactAtt` can read.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-parameter-override-functions.html
 */
export type ArtifactAttribute = 'BucketName' | 'ObjectKey' | 'URL';

const ARTIFACT_ATTRIBUTES: readonly ArtifactAttribute[] = ['BucketName', 'ObjectKey', 'URL'];

/**
 * One value of a CloudFormation action's ParameterOverrides: a literal, or a function CodePipeline
 * evaluates when the action runs. The functions read an artifact, so the stage adds that artifact to
 * the action's input artifacts (the run fails with "unrecognized Artifact" otherwise).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-parameter-override-functions.html
 */
export class ParameterOverride {
  /** A fixed value. */
  public static literal(value: string): ParameterOverride {
    if (typeof value !== 'string') {
      throw new Error(`ParameterOverride.literal: the value must be a string (CloudFormation parameter values are strings); got ${typeof value}.`);
    }
    return new ParameterOverride(value, undefined);
  }

  /**
   * `Fn::GetArtifactAtt`: the S3 bucket, object key or URL of an artifact of this run, e.g. to point a
   * Lambda function's code at the build output.
   */
  public static artifactAttribute(artifact: codepipeline.Artifact, attribute: ArtifactAttribute): ParameterOverride {
    const name = artifactNameOf(artifact, 'artifactAttribute');
    if (!ARTIFACT_ATTRIBUTES.includes(attribute)) {
      throw new Error(`ParameterOverride.artifactAttribute: attribute "${String(attribute)}" is not one of ${ARTIFACT_ATTRIBUTES.join(', ')}.`);
    }
    return new ParameterOverride({ 'Fn::GetArtifactAtt': [name, attribute] }, artifact);
  }

  /**
   * `Fn::GetParam`: a value from a JSON file in an artifact of this run, e.g. an output file of an
   * earlier CloudFormation action or of the build.
   */
  public static param(artifact: codepipeline.Artifact, jsonFile: string, key: string): ParameterOverride {
    const name = artifactNameOf(artifact, 'param');
    if (!jsonFile) throw new Error('ParameterOverride.param: jsonFile is empty; name the JSON file in the artifact, e.g. "outputs.json".');
    if (!key) throw new Error(`ParameterOverride.param: key is empty; name the key to read from ${jsonFile}.`);
    return new ParameterOverride({ 'Fn::GetParam': [name, jsonFile, key] }, artifact);
  }

  private constructor(
    /** The JSON value written into ParameterOverrides. */
    public readonly value: string | Record<string, unknown>,
    /** The artifact the value reads, which must be an input of the action. */
    public readonly artifact: codepipeline.Artifact | undefined,
  ) {}
}

/** ParameterOverrides rendered for an aws-cdk-lib CloudFormation action, with the inputs they need. */
export interface RenderedOverrides {
  readonly parameterOverrides?: Record<string, unknown>;
  readonly extraInputs: codepipeline.Artifact[];
}

/**
 * Renders overrides as the plain JSON object CodePipeline reads. Artifact names are literals, so the
 * rendered configuration is a literal string that the `cfn-parameter-overrides` rule measures exactly.
 * The stage's constructor has checked the keys (`validateParameterOverrides`).
 */
export function renderParameterOverrides(overrides: Record<string, ParameterOverride> | undefined, alreadyInputs: readonly codepipeline.Artifact[]): RenderedOverrides {
  const names = overrides === undefined ? [] : Object.getOwnPropertyNames(overrides);
  if (names.length === 0) return { extraInputs: [] };
  const parameterOverrides: Record<string, unknown> = {};
  const extraInputs: codepipeline.Artifact[] = [];
  const inputNames = new Set(alreadyInputs.map((a) => a.artifactName));
  for (const name of names) {
    const override: unknown = Object.getOwnPropertyDescriptor(overrides, name)!.value;
    if (!(override instanceof ParameterOverride)) {
      throw new Error(`parameterOverrides.${name} is not a ParameterOverride: use ParameterOverride.literal(), .artifactAttribute() or .param().`);
    }
    parameterOverrides[name] = override.value;
    const artifact = override.artifact;
    if (artifact && !inputNames.has(artifact.artifactName)) {
      inputNames.add(artifact.artifactName);
      extraInputs.push(artifact);
    }
  }
  return { parameterOverrides, extraInputs };
}

function artifactNameOf(artifact: codepipeline.Artifact, factory: string): string {
  const name = artifact.artifactName;
  if (name === undefined || Token.isUnresolved(name)) {
    throw new Error(`ParameterOverride.${factory}: the artifact has no name yet; name it (new codepipeline.Artifact('BuildOutput')) or use the source's or build's output.`);
  }
  return name;
}
