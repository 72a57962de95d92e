/**
 * Resource types that grant or take away access: IAM identities and policies, security group rules,
 * and resource-based policies. A change to one of them changes who may do what.
 *
 * An entry with `properties` is a resource whose access lies in those properties only (a KMS key's
 * KeyPolicy, an ECR repository's RepositoryPolicyText): a Modify counts when one of them changes; an
 * Add, Remove or Import always when the resource always has one (`presentOnEveryResource`, as every
 * KMS key has a key policy), else when the change's property values show one or are absent (the
 * review does not request them, so an absent policy is not known to be absent). `source` documents
 * the type.
 */
export interface PermissionType {
  readonly type: string;
  /** What about access the change touches, in a few words for the report. */
  readonly what: string;
  readonly properties?: readonly string[];
  readonly presentOnEveryResource?: boolean;
  readonly source: string;
}

const REF = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';

export const PERMISSION_TYPES: readonly PermissionType[] = [
  { type: 'AWS::IAM::Role', what: 'IAM role', source: `${REF}/aws-resource-iam-role.html` },
  { type: 'AWS::IAM::Policy', what: 'IAM inline policy', source: `${REF}/aws-resource-iam-policy.html` },
  { type: 'AWS::IAM::ManagedPolicy', what: 'IAM managed policy', source: `${REF}/aws-resource-iam-managedpolicy.html` },
  { type: 'AWS::IAM::RolePolicy', what: 'IAM role policy', source: `${REF}/aws-resource-iam-rolepolicy.html` },
  { type: 'AWS::IAM::UserPolicy', what: 'IAM user policy', source: `${REF}/aws-resource-iam-userpolicy.html` },
  { type: 'AWS::IAM::GroupPolicy', what: 'IAM group policy', source: `${REF}/aws-resource-iam-grouppolicy.html` },
  { type: 'AWS::IAM::User', what: 'IAM user', source: `${REF}/aws-resource-iam-user.html` },
  { type: 'AWS::IAM::Group', what: 'IAM group', source: `${REF}/aws-resource-iam-group.html` },
  { type: 'AWS::IAM::UserToGroupAddition', what: 'IAM group membership', source: `${REF}/aws-resource-iam-usertogroupaddition.html` },
  { type: 'AWS::IAM::AccessKey', what: 'IAM access key', source: `${REF}/aws-resource-iam-accesskey.html` },
  { type: 'AWS::IAM::InstanceProfile', what: 'IAM instance profile', source: `${REF}/aws-resource-iam-instanceprofile.html` },
  { type: 'AWS::IAM::OIDCProvider', what: 'IAM OIDC identity provider', source: `${REF}/aws-resource-iam-oidcprovider.html` },
  { type: 'AWS::IAM::SAMLProvider', what: 'IAM SAML identity provider', source: `${REF}/aws-resource-iam-samlprovider.html` },
  { type: 'AWS::EC2::SecurityGroup', what: 'security group rules', source: `${REF}/aws-resource-ec2-securitygroup.html` },
  { type: 'AWS::EC2::SecurityGroupIngress', what: 'security group ingress rule', source: `${REF}/aws-resource-ec2-securitygroupingress.html` },
  { type: 'AWS::EC2::SecurityGroupEgress', what: 'security group egress rule', source: `${REF}/aws-resource-ec2-securitygroupegress.html` },
  { type: 'AWS::S3::BucketPolicy', what: 'bucket policy', source: `${REF}/aws-resource-s3-bucketpolicy.html` },
  { type: 'AWS::KMS::Key', what: 'key policy', properties: ['KeyPolicy'], presentOnEveryResource: true, source: `${REF}/aws-resource-kms-key.html` },
  { type: 'AWS::SNS::TopicPolicy', what: 'topic policy', source: `${REF}/aws-resource-sns-topicpolicy.html` },
  { type: 'AWS::SQS::QueuePolicy', what: 'queue policy', source: `${REF}/aws-resource-sqs-queuepolicy.html` },
  { type: 'AWS::Lambda::Permission', what: 'function resource policy', source: `${REF}/aws-resource-lambda-permission.html` },
  { type: 'AWS::Lambda::LayerVersionPermission', what: 'layer resource policy', source: `${REF}/aws-resource-lambda-layerversionpermission.html` },
  { type: 'AWS::SecretsManager::ResourcePolicy', what: 'secret resource policy', source: `${REF}/aws-resource-secretsmanager-resourcepolicy.html` },
  { type: 'AWS::ECR::Repository', what: 'repository policy', properties: ['RepositoryPolicyText'], source: `${REF}/aws-resource-ecr-repository.html` },
  { type: 'AWS::Logs::ResourcePolicy', what: 'CloudWatch Logs resource policy', source: `${REF}/aws-resource-logs-resourcepolicy.html` },
  { type: 'AWS::Events::EventBusPolicy', what: 'event bus policy', source: `${REF}/aws-resource-events-eventbuspolicy.html` },
  { type: 'AWS::OpenSearchService::Domain', what: 'domain access policy', properties: ['AccessPolicies'], source: `${REF}/aws-resource-opensearchservice-domain.html` },
  { type: 'AWS::Elasticsearch::Domain', what: 'domain access policy', properties: ['AccessPolicies'], source: `${REF}/aws-resource-elasticsearch-domain.html` },
  { type: 'AWS::ApiGateway::RestApi', what: 'API resource policy', properties: ['Policy'], source: `${REF}/aws-resource-apigateway-restapi.html` },
  { type: 'AWS::S3::AccessPoint', what: 'access point policy', properties: ['Policy'], source: `${REF}/aws-resource-s3-accesspoint.html` },
];

const BY_TYPE = new Map(PERMISSION_TYPES.map((entry) => [entry.type, entry]));

/** The table's entry for a resource type, if it carries access. */
export function permissionType(type: string | undefined): PermissionType | undefined {
  return type === undefined ? undefined : BY_TYPE.get(type);
}
