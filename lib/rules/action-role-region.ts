import { ActionModel, Maybe, PipelineModel, RoleFacts } from '../model/pipeline-model';
import { known } from '../model/values';
import { allActions, isCloudFormationAction } from '../model/walk';
import { Rule, Sources } from './rule';

/**
 * A deployment target's roles act in its own region only: their permissions name that region's
 * stacks, artifact bucket and key. An action in another region that assumes one (or passes one to
 * CloudFormation as the stack role) is accepted by the service and fails when it runs. Only roles the
 * pipeline's surroundings define are judged (the context's `roles`); any other role may act anywhere.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 */
export const actionRoleRegion: Rule = {
  id: 'action-role-region',
  severity: 'error',
  description: 'An action runs in a region its role (and stack role) was made for',
  limit: 'the regions of the role\'s deployment target',
  source: Sources.CROSS_REGION,
  *check(pipeline) {
    const roles = pipeline.context.roles;
    if (roles === undefined) return;
    for (const { stage, action } of allActions(pipeline)) {
      const region = regionOf(pipeline, action);
      if (region === undefined) continue;
      const misplaced = rolesOf(action).flatMap((role) => {
        const arn = known(role.arn);
        const facts = arn !== undefined && Object.prototype.hasOwnProperty.call(roles, arn) ? roles[arn] : undefined;
        return facts === undefined || facts.regions.includes(region) ? [] : [{ ...role, arn: arn!, facts }];
      });
      if (misplaced.length === 0) continue;
      yield {
        stage,
        action,
        message: `the action runs in ${region}, but ${misplaced.map(describe).join('; and ')}: its permissions do not reach ${region}`,
        fix: `use the roles of a DeploymentTarget with region: '${region}' for this action, or run the action in the region its roles were made for.`,
      };
    }
  },
};

interface UsedRole {
  readonly what: string;
  readonly arn: Maybe<string> | undefined;
}

/** The action's own role, and a CloudFormation action's stack role. */
function rolesOf(action: ActionModel): UsedRole[] {
  const roles: UsedRole[] = [{ what: 'its role', arn: action.roleArn }];
  if (isCloudFormationAction(action)) roles.push({ what: 'its stack role (RoleArn)', arn: action.configuration.RoleArn as Maybe<string> | undefined });
  return roles;
}

function describe(role: UsedRole & { arn: string; facts: RoleFacts }): string {
  return `${role.what} ${role.arn} is ${role.facts.definedBy}'s, made for ${role.facts.regions.join(', ')}`;
}

/** The action's literal region, or the pipeline's when it declares none; undefined when unknown. */
function regionOf(pipeline: PipelineModel, action: ActionModel): string | undefined {
  return action.region === undefined ? pipeline.context.region : known(action.region);
}
