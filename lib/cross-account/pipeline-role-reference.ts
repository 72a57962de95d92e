import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { CrossAccountArtifactStore } from './artifact-store';

/**
 * The pipeline role as a pipeline in `scope` holds it: the store's own role in the store's stack; in
 * any other stack, a reference to it by name. Grants made through the reference become an
 * `AWS::IAM::Policy` in the pipeline's stack, attached to the role by name, so the store's stack never
 * refers to the pipeline's resources (which would make the two stacks depend on each other). The
 * pipeline's stack deploys after the store's, which creates the role.
 */
export function pipelineRoleFor(scope: Construct, store: CrossAccountArtifactStore): iam.IRole {
  const stack = Stack.of(scope);
  const storeStack = Stack.of(store);
  if (stack === storeStack) return store.pipelineRole;
  const role = iam.Role.fromRoleName(scope, 'PipelineRole', store.identity.pipelineRoleName, { mutable: true });
  // The pipeline reads the artifact bucket through the store stack's export; exportValue names the
  // export the automatic cross-stack reference uses, and cdk-nag names the bucket by it.
  const { 'Fn::ImportValue': bucketExport } = storeStack.resolve(storeStack.exportValue(store.bucket.bucketArn));
  store.addPipelineRoleReference(role, bucketExport);
  stack.addStackDependency(storeStack, `the pipeline runs as ${store.identity.pipelineRoleName}, which ${store.node.path} creates`);
  return role;
}
