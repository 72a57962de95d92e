import { known, knownText } from '../model/values';
import { actionPartKnown, allActions } from '../model/walk';
import { Rule, Sources } from './rule';

interface Requirement {
  /** The keys the provider's page marks "Required: Yes". */
  readonly keys: readonly string[];
  /** The page of the CodePipeline user guide that states them. */
  readonly page: string;
}

/**
 * The configuration keys each AWS provider requires, by `category/provider`, each from its action
 * reference page. CloudFormation is left to the cfn-* rules (one finding per mistake), the Commands
 * action has no required configuration (its commands are not configuration), nor has a manual approval.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html
 */
const REQUIRED: Readonly<Record<string, Requirement>> = {
  'Source/S3': { keys: ['S3Bucket', 'S3ObjectKey'], page: 'Amazon S3 source action reference' },
  'Source/CodeCommit': { keys: ['RepositoryName', 'BranchName'], page: 'CodeCommit source action reference' },
  'Source/CodeStarSourceConnection': {
    keys: ['ConnectionArn', 'FullRepositoryId', 'BranchName'],
    page: 'CodeStarSourceConnection for Bitbucket Cloud, GitHub, GitHub Enterprise Server, GitLab.com, and GitLab self-managed actions',
  },
  'Source/ECR': { keys: ['RepositoryName'], page: 'Amazon ECR source action reference' },
  'Build/CodeBuild': { keys: ['ProjectName'], page: 'AWS CodeBuild build and test action reference' },
  'Test/CodeBuild': { keys: ['ProjectName'], page: 'AWS CodeBuild build and test action reference' },
  'Deploy/S3': { keys: ['BucketName', 'Extract'], page: 'Amazon S3 deploy action reference' },
  'Deploy/CodeDeploy': { keys: ['ApplicationName', 'DeploymentGroupName'], page: 'AWS CodeDeploy deploy action reference' },
  'Deploy/ECS': { keys: ['ClusterName', 'ServiceName'], page: 'Amazon Elastic Container Service deploy action reference' },
  'Deploy/CodeDeployToECS': {
    keys: ['ApplicationName', 'DeploymentGroupName', 'TaskDefinitionTemplateArtifact', 'AppSpecTemplateArtifact'],
    page: 'Amazon Elastic Container Service and CodeDeploy blue-green deploy action reference',
  },
  'Deploy/ElasticBeanstalk': { keys: ['ApplicationName', 'EnvironmentName'], page: 'Elastic Beanstalk deploy action reference' },
  'Deploy/AppConfig': {
    keys: ['Application', 'Environment', 'ConfigurationProfile', 'InputArtifactConfigurationPath'],
    page: 'AWS AppConfig deploy action reference',
  },
  'Invoke/Lambda': { keys: ['FunctionName'], page: 'AWS Lambda invoke action reference' },
  'Invoke/StepFunctions': { keys: ['StateMachineArn'], page: 'AWS Step Functions invoke action reference' },
};

/**
 * An AWS action carries every configuration key its provider's reference page requires. A key that
 * is present counts, whatever its value: an empty value is configuration-lengths' finding.
 */
export const requiredConfiguration: Rule = {
  id: 'required-configuration',
  severity: 'error',
  description: 'AWS actions carry the configuration keys their provider requires',
  limit: 'per provider, e.g. CodeBuild: ProjectName; S3 source: S3Bucket, S3ObjectKey; S3 deploy: ObjectKey when Extract is false',
  source: Sources.ACTION_REFERENCE,
  *check(pipeline) {
    for (const place of allActions(pipeline)) {
      const { stage, action } = place;
      const { category, owner, provider } = action.actionTypeId;
      if (known(owner) !== 'AWS' || !actionPartKnown(pipeline, place, 'configuration')) continue;
      const kind = `${known(category)}/${known(provider)}`;
      const requirement = REQUIRED[kind];
      if (!requirement) continue;
      const missing = requirement.keys.filter((key) => !has(action.configuration, key));
      // The S3 deploy page: ObjectKey is required when Extract is false.
      if (kind === 'Deploy/S3' && knownText(action.configuration.Extract)?.toLowerCase() === 'false' && !has(action.configuration, 'ObjectKey')) {
        missing.push('ObjectKey');
      }
      if (missing.length === 0) continue;
      yield {
        stage,
        action,
        message: `the ${known(provider)} ${known(category)} action has no ${missing.join(', ')}${missing.includes('ObjectKey') ? ' (required when Extract is false)' : ''}`,
        fix: `set ${missing.join(', ')} in the action's configuration.`,
        source: `CodePipeline user guide, ${requirement.page}`,
      };
    }
  },
};

/** An own key: a configuration read from JSON is a plain object whose prototype must not count. */
function has(configuration: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(configuration, key);
}
