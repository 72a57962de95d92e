import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';

export interface ReleaseBuildProps {
  /**
   * The CodeBuild project that turns the source into the artifact the stages deploy (e.g. `cdk synth`
   * or `cloudformation package`).
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html
   */
  readonly project: codebuild.IProject;
  /**
   * The build's output artifact name.
   * @default 'BuildOutput'
   */
  readonly outputName?: string;
  /**
   * The build action's name.
   * @default 'Build'
   */
  readonly actionName?: string;
  /**
   * The build stage's name.
   * @default 'Build'
   */
  readonly stageName?: string;
}

/**
 * An optional CodeBuild step between the source and the release stages. Its `output` becomes the
 * stages' default template artifact.
 */
export class ReleaseBuild {
  /** The artifact the build produces. */
  public readonly output: codepipeline.Artifact;
  public readonly stageName: string;

  constructor(private readonly props: ReleaseBuildProps) {
    this.output = new codepipeline.Artifact(props.outputName ?? 'BuildOutput');
    this.stageName = props.stageName ?? 'Build';
  }

  /** The build action reading `input`. */
  public bind(input: codepipeline.Artifact): codepipeline.IAction {
    return new codepipeline_actions.CodeBuildAction({
      actionName: this.props.actionName ?? 'Build',
      project: this.props.project,
      input,
      outputs: [this.output],
    });
  }
}
