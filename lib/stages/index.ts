export type { ApprovalProps } from './approval-props';
export * from './change-set-stage';
export * from './deploy-stage-props';
export * from './deployment';
export * from './parameter-override';
export * from './release-stage';
export * from './test-stack-stage';
