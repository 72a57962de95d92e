export { PipelineIdentity } from './pipeline-identity';
export type { PipelineIdentityProps } from './pipeline-identity';
export { DeploymentTarget } from './deployment-target';
export type { AllowStackOptions, DeploymentTargetProps, TargetArtifactAccess, TargetArtifactAccessListener } from './deployment-target';
export { CrossAccountArtifactStore } from './artifact-store';
export type { CrossAccountArtifactStoreProps } from './artifact-store';
export { sendAccessLogs } from './access-logs';
export { RegionalArtifactStore } from './regional-artifact-store';
export type { RegionalArtifactStoreProps } from './regional-artifact-store';
