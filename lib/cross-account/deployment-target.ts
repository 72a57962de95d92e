import { Annotations, Aspects, CfnResource, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DirectRole, StatementJson, allowStatement } from './direct-role';
import { assertAccountId, assertChangeSetName, assertRegion, assertStackName } from './names';
import { PipelineIdentity } from './pipeline-identity';
import { ReviewerRole } from './reviewer-role';

/** Props for `DeploymentTarget`. */
export interface DeploymentTargetProps extends Omit<StackProps, 'env'> {
  /** The pipeline this account receives releases from. */
  readonly identity: PipelineIdentity;
  /** The 12-digit account the pipeline deploys into. */
  readonly account: string;
  /**
   * The region the pipeline deploys into, and of this stack. Outside the pipeline's region the
   * target's artifacts are in the `RegionalArtifactStore` for this region, and its role names end in
   * `-<region>` (IAM role names are global in an account).
   * @default - the identity's region
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
   */
  readonly region?: string;
  /**
   * Statements for the CloudFormation execution role: what the deployed stacks create, update and delete.
   * @default - none
   */
  readonly executionStatements?: iam.PolicyStatement[];
  /**
   * Managed policies for the CloudFormation execution role.
   * @default - none
   */
  readonly executionManagedPolicies?: iam.IManagedPolicy[];
  /**
   * Give the CloudFormation execution role AWS's `AdministratorAccess` managed policy. Anyone who can
   * change the pipeline's templates then controls the account; synth raises the warning
   * `cdk-delivery-pipelines:administratorExecutionRole`. Use scoped `executionStatements` instead.
   * @default false
   */
  readonly administratorAccess?: boolean;
  /**
   * Keep the CloudFormation execution role and its policies when this stack is deleted or replaced (`DeletionPolicy: Retain` and
   * `UpdateReplacePolicy: Retain`). The stacks the pipeline deployed outlive this one: CloudFormation
   * updates and deletes each of them as the role it was created with, so once that role is gone they
   * cannot be deleted until the role is re-created with its permissions. Delete the retained role
   * and policies yourself after the deployed stacks (README, "Tearing down"); while they exist, this
   * stack cannot be deployed again, because the role's name is taken.
   * Set `false` to delete the role with the stack, when no stack it deployed remains.
   * @default true
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
   */
  readonly retainExecutionRole?: boolean;
}

/** Options for `DeploymentTarget.allowStack()`. */
export interface AllowStackOptions {
  /**
   * The change set the pipeline creates and executes on the stack (CHANGE_SET_REPLACE and
   * CHANGE_SET_EXECUTE). Without it the pipeline may create, update and delete the stack directly
   * (CREATE_UPDATE, REPLACE_ON_FAILURE, DELETE_ONLY).
   * @default - direct stack operations, no change set
   */
  readonly changeSetName?: string;
}

/** Who in a target account uses the pipeline's artifact bucket, and how. */
export interface TargetArtifactAccess {
  /** The action role writes output artifacts (CloudFormation `OutputFileName`). */
  readonly actionRoleWrites: boolean;
  /** The execution role reads objects in the artifact bucket (e.g. code a template refers to). */
  readonly executionRoleReads: boolean;
}

/** Told when a target's artifact access grows, so the pipeline account's policies follow it. */
export interface TargetArtifactAccessListener {
  artifactAccessChanged(target: DeploymentTarget): void;
}

interface StackAccess {
  direct: boolean;
  readonly changeSets: Set<string>;
}

/**
 * The stack for one target (account, region): the role the pipeline assumes there (the action role) and the
 * CloudFormation service role (the execution role). Both have deterministic names from the
 * `PipelineIdentity`, so the pipeline account can name them before this stack exists and this stack
 * can exist before the pipeline.
 *
 * `actionRole` and `executionRole` are references that cannot be changed from outside this stack:
 * aws-cdk-lib's CloudFormation actions would otherwise add grants of their own to roles in another
 * account. Declare what the pipeline deploys with `allowStack()`.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html
 */
export class DeploymentTarget extends Stack {
  public readonly identity: PipelineIdentity;
  /** The role the pipeline assumes in this account: pass as `role` to CloudFormation actions. */
  public readonly actionRole: iam.IRole;
  /** The CloudFormation service role: pass as `deploymentRole` to CloudFormation actions. */
  public readonly executionRole: iam.IRole;

  private readonly actionRoleResource: DirectRole;
  private readonly executionRoleResource: DirectRole;
  private reviewerRole?: ReviewerRole;
  private readonly stacks = new Map<string, StackAccess>();
  private readonly listeners: TargetArtifactAccessListener[] = [];
  private access: TargetArtifactAccess = { actionRoleWrites: false, executionRoleReads: false };

  constructor(scope: Construct, id: string, props: DeploymentTargetProps) {
    const where = `DeploymentTarget ${id}`;
    assertAccountId(where, 'account', props.account);
    if (props.region !== undefined) assertRegion(where, 'region', props.region);
    const { identity, account, region = identity.region, executionStatements = [], executionManagedPolicies = [], administratorAccess = false, retainExecutionRole = true, ...stackProps } = props;
    if (administratorAccess && (executionStatements.length > 0 || executionManagedPolicies.length > 0)) {
      throw new Error(`${where}: administratorAccess and executionStatements/executionManagedPolicies are contradictory: administratorAccess already allows every action. Remove administratorAccess (preferred) or remove the execution policies.`);
    }
    if (!administratorAccess && executionStatements.length === 0 && executionManagedPolicies.length === 0) {
      throw new Error(`${where}: the CloudFormation execution role has no permissions: give executionStatements or executionManagedPolicies for the resources your stacks create (or administratorAccess: true, which raises a warning).`);
    }
    // Every name this target's region needs, checked before anything is built.
    const actionRoleName = identity.actionRoleNameIn(region);
    const executionRoleName = identity.executionRoleNameIn(region);
    identity.artifactBucketNameIn(region);
    super(scope, id, {
      description: `Roles the ${identity.name} pipeline in account ${identity.pipelineAccount} uses to deploy into this account`,
      ...stackProps,
      env: { account, region },
    });
    this.identity = identity;

    // Both roles are DirectRoles: their statements are known here, so they skip aws-cdk-lib's grant
    // machinery, which made target stacks the largest part of a release pipeline's synth time.
    this.actionRoleResource = new DirectRole(this, 'ActionRole', {
      roleName: actionRoleName,
      description: `Assumed by the ${identity.name} pipeline role to run CloudFormation actions in this account`,
      // The account principal with an aws:PrincipalArn condition, not the pipeline role's ARN as
      // principal: IAM rejects a trust policy naming a role that does not exist yet, and this stack
      // deploys before the pipeline stack creates that role.
      trust: {
        Action: 'sts:AssumeRole',
        Condition: { ArnEquals: { 'aws:PrincipalArn': identity.pipelineRoleArn } },
        Effect: 'Allow',
        Principal: { AWS: `arn:${identity.partition}:iam::${identity.pipelineAccount}:root` },
      },
    });

    this.executionRoleResource = new DirectRole(this, 'ExecutionRole', {
      roleName: executionRoleName,
      description: `CloudFormation service role for the stacks the ${identity.name} pipeline deploys`,
      trust: { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } },
      managedPolicies: administratorAccess
        ? [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')]
        : executionManagedPolicies,
    });
    for (const statement of executionStatements) this.executionRoleResource.addStatement(statement);
    if (retainExecutionRole) this.retainExecutionRole();
    if (administratorAccess) {
      Annotations.of(this).addWarningV2('cdk-delivery-pipelines:administratorExecutionRole',
        `The CloudFormation execution role ${executionRoleName} in account ${account} has AdministratorAccess: whoever can change the templates the pipeline deploys controls the account. Prefer executionStatements scoped to what the stacks create.`);
      Validations.of(this.executionRoleResource).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess]',
        reason: 'AdministratorAccess was requested explicitly with administratorAccess: true; synth raises the warning cdk-delivery-pipelines:administratorExecutionRole for it.',
      });
    }

    this.actionRole = iam.Role.fromRoleArn(this, 'ActionRoleReference', identity.actionRoleArn(account, region), { mutable: false });
    this.executionRole = iam.Role.fromRoleArn(this, 'ExecutionRoleReference', identity.executionRoleArn(account, region), { mutable: false });

    this.grantActionRoleBase();
    this.node.addValidation({
      validate: () => this.stacks.size === 0
        ? [`${where} allows no stacks: its action role cannot call CloudFormation. Call allowStack(stackName) for each stack the pipeline deploys in account ${account}.`]
        : [],
    });
  }

  /** The stack names the action role may deploy, in the order they were allowed. */
  public get stackNames(): string[] {
    return [...this.stacks.keys()];
  }

  /** The change sets allowed on `stackName`. */
  public changeSetNames(stackName: string): string[] {
    return [...(this.stacks.get(stackName)?.changeSets ?? [])];
  }

  /** How this target's roles use the artifact bucket. */
  public get artifactAccess(): TargetArtifactAccess {
    return this.access;
  }

  /**
   * Lets the pipeline deploy `stackName` in this account: the action role gets the CloudFormation
   * calls a CodePipeline CloudFormation action makes, on that stack only (and, with `changeSetName`,
   * on that change set only). Call once per stack and mode; repeated calls add nothing new.
   *
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html
   */
  public allowStack(stackName: string, options: AllowStackOptions = {}): void {
    const where = `DeploymentTarget ${this.node.id}.allowStack`;
    assertStackName(where, stackName);
    if (options.changeSetName !== undefined) assertChangeSetName(where, options.changeSetName);

    let access = this.stacks.get(stackName);
    if (!access) {
      access = { direct: false, changeSets: new Set() };
      this.stacks.set(stackName, access);
      this.actionRoleResource.addStatement(allowStatement(
        ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'],
        [this.stackArn(stackName)],
      ));
      Validations.of(this.actionRoleResource).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${this.stackArn(stackName)}]`,
        reason: 'The stack is named exactly; the trailing * is the stack ID CloudFormation assigns when it creates the stack, so it cannot be written in advance.',
      });
    }
    this.reviewerRole?.allowStack(stackName, options.changeSetName);
    if (options.changeSetName === undefined) {
      if (access.direct) return;
      access.direct = true;
      this.actionRoleResource.addStatement(allowStatement(
        ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
          'cloudformation:GetTemplate', 'cloudformation:GetStackPolicy', 'cloudformation:SetStackPolicy'],
        [this.stackArn(stackName)],
      ));
    } else {
      if (access.changeSets.has(options.changeSetName)) return;
      access.changeSets.add(options.changeSetName);
      this.actionRoleResource.addStatement(allowStatement(
        ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet',
          'cloudformation:DeleteChangeSet', 'cloudformation:ExecuteChangeSet'],
        [this.stackArn(stackName)],
        // IfExists, as in aws-cdk-lib's own CloudFormation actions: the key is present whenever the
        // change set is named in the request, which is how CodePipeline calls these APIs.
        { StringEqualsIfExists: { 'cloudformation:ChangeSetName': options.changeSetName } },
      ));
    }
  }

  /**
   * Lets the action role write output artifacts (a CloudFormation action's `OutputFileName`): adds
   * `s3:PutObject` and `kms:GenerateDataKey` here and in the bucket and key policies of this region's
   * artifact store. Only in the pipeline's region: another region's store names its key by alias ARN
   * (its key ARN cannot reach the pipeline's stack, in another region), and S3 encrypts an object
   * written from another account only with a key named by key ARN; such a write would fail at run
   * time, so it is refused here.
   * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_EncryptionKey.html
   */
  public allowArtifactWrites(): void {
    if (this.region !== this.identity.region) {
      throw new Error(`DeploymentTarget ${this.node.id}.allowArtifactWrites: the target is in ${this.region}, outside the pipeline's region ${this.identity.region}. Its artifact store names its key by alias ARN, and S3 encrypts an object written from another account only with a key named by key ARN, so the action's output would fail at run time. Write outputs from a target in ${this.identity.region}, or pass values between stages with output variables (the CloudFormation action's namespace) instead of OutputFileName.`);
    }
    if (this.access.actionRoleWrites) return;
    this.access = { ...this.access, actionRoleWrites: true };
    this.actionRoleResource.addStatement(allowStatement(['s3:PutObject'], [`${this.artifactBucketArn}/*`]));
    this.actionRoleResource.addStatement(this.keyStatement(['kms:GenerateDataKey']));
    this.listeners.forEach((listener) => listener.artifactAccessChanged(this));
  }

  /**
   * Lets the execution role read the artifact bucket, for stacks whose resources fetch objects from it
   * while CloudFormation creates them (e.g. Lambda code a build step uploaded there).
   */
  public allowExecutionRoleArtifactReads(): void {
    if (this.access.executionRoleReads) return;
    this.access = { ...this.access, executionRoleReads: true };
    this.executionRoleResource.addStatement(allowStatement(['s3:GetObject', 's3:GetObjectVersion'], [`${this.artifactBucketArn}/*`]));
    this.executionRoleResource.addStatement(this.keyStatement(['kms:Decrypt']));
    Validations.of(this.executionRoleResource).acknowledge(...this.artifactWildcardEvidence());
    this.listeners.forEach((listener) => listener.artifactAccessChanged(this));
  }

  /**
   * Lets `principalArn` (an IAM role or user in any account, by literal ARN; IAM's wildcards allowed
   * in the name, and a wildcard admits every role it matches: `arn:aws:iam::444444444444:role/*` is
   * every role of that account, present and future) assume this target's reviewer role,
   * `<name>-review` (with `-<region>` outside the pipeline's region), to read what a release is about
   * to change, as `pipectl review --role-name <name>-review` does. An account root ARN is refused: in
   * `aws:PrincipalArn` it matches the root user alone, not the account's roles. The role may call `cloudformation:DescribeStacks`, `GetTemplate` and
   * `ListChangeSets` on the stacks this target allows, and `DescribeChangeSet` on their allowed change
   * sets (by name), and nothing else: no writes, no artifacts, no other stacks.
   *
   * The reviewer role is opt-in: this target creates it on the first `grantReview()` or when a
   * pipeline's review step reads its change sets. A role nobody assumes is only more to audit, and
   * targets deployed before it existed keep their template.
   *
   * Trust is the principal's account root with an `aws:PrincipalArn` condition, so the principal
   * need not exist when this stack deploys. Its own account must still allow it `sts:AssumeRole` on
   * the reviewer role (`reviewRoleArn`).
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
   */
  public grantReview(principalArn: string): void {
    this.reviewer().trust(principalArn, 'grantReview');
  }

  /**
   * Lets the pipeline's change-set review function (`identity.reviewFunctionRoleArn`) assume the
   * reviewer role, and returns that role's ARN. A review step calls it for each target it reads.
   */
  public allowReviewStep(): string {
    this.reviewer().trust(this.identity.reviewFunctionRoleArn, 'allowReviewStep');
    return this.reviewRoleArn;
  }

  /** The reviewer role's ARN (the role exists once review is granted: see `grantReview()`). */
  public get reviewRoleArn(): string {
    return this.identity.reviewRoleArn(this.account, this.region);
  }

  /** Whether this target has a reviewer role. */
  public get hasReviewerRole(): boolean {
    return this.reviewerRole !== undefined;
  }

  private reviewer(): ReviewerRole {
    if (!this.reviewerRole) {
      this.reviewerRole = new ReviewerRole(this, 'ReviewerRole', {
        identity: this.identity,
        roleName: this.identity.reviewRoleNameIn(this.region),
        stackArn: (stackName) => this.stackArn(stackName),
        where: `DeploymentTarget ${this.node.id}`,
      });
      for (const [stackName, access] of this.stacks) {
        this.reviewerRole.allowStack(stackName);
        for (const changeSetName of access.changeSets) this.reviewerRole.allowStack(stackName, changeSetName);
      }
    }
    return this.reviewerRole;
  }

  /** Registers a listener for artifact access changes (the artifact store does). */
  public onArtifactAccessChange(listener: TargetArtifactAccessListener): void {
    this.listeners.push(listener);
  }

  /** Adds statements to the CloudFormation execution role. */
  public addToExecutionRolePolicy(statement: iam.PolicyStatement): void {
    this.executionRoleResource.addStatement(statement);
  }

  private grantActionRoleBase(): void {
    const role = this.actionRoleResource;
    role.addStatement(allowStatement(
      ['iam:PassRole'],
      [this.identity.executionRoleArn(this.account, this.region)],
      { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
    ));
    role.addStatement(allowStatement(['s3:GetObject', 's3:GetObjectVersion'], [`${this.artifactBucketArn}/*`]));
    role.addStatement(this.keyStatement(['kms:Decrypt']));
    Validations.of(role).acknowledge(...this.artifactWildcardEvidence());
  }

  /**
   * Retain policies on the execution role and on every policy resource under it: the default policy
   * and the overflow policies, which exist only once every statement is known (hence an aspect).
   */
  private retainExecutionRole(): void {
    Aspects.of(this.executionRoleResource).add({
      visit: (node) => {
        if (CfnResource.isCfnResource(node)) node.applyRemovalPolicy(RemovalPolicy.RETAIN);
      },
    });
  }

  /** KMS permissions on this region's artifact key, which this account can only name by its alias. */
  private keyStatement(actions: string[]): StatementJson {
    return allowStatement(actions, [this.identity.keyArnPatternIn(this.region)], {
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': this.identity.keyAliasName },
      'StringEquals': { 'kms:ViaService': this.identity.s3ViaServiceIn(this.region) },
    });
  }

  /** This region's artifact bucket: the pipeline account's store for the region this target is in. */
  private get artifactBucketArn(): string {
    return this.identity.artifactBucketArnIn(this.region);
  }

  private artifactWildcardEvidence() {
    return [
      {
        id: `AwsSolutions-IAM5[Resource::${this.artifactBucketArn}/*]`,
        reason: 'Objects in the pipeline artifact bucket only; CodePipeline names each artifact object per execution, so keys cannot be listed in advance. The bucket belongs to this pipeline alone.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${this.identity.keyArnPatternIn(this.region)}]`,
        reason: `The key ID is generated in the pipeline account; the statement is narrowed to the key with alias ${this.identity.keyAliasName} (kms:ResourceAliases) used through S3 (kms:ViaService).`,
      },
    ];
  }

  private stackArn(stackName: string): string {
    return this.identity.stackArn(this.account, stackName, this.region);
  }
}
