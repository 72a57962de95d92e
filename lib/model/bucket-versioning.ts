import { isIntrinsic } from './from-declaration';

/**
 * Whether a bucket's `VersioningConfiguration` turns versioning on: true or false when the template
 * says so literally, undefined when it is only known at deploy time (an intrinsic such as `Fn::If`).
 * Reads the template's `Status` and the L1 property's `status` alike.
 */
export function bucketVersioning(configuration: unknown): boolean | undefined {
  if (configuration === undefined || configuration === null) return false;
  if (typeof configuration !== 'object' || isIntrinsic(configuration)) return undefined;
  const record = configuration as Record<string, unknown>;
  const status = record.Status ?? record.status;
  if (typeof status === 'string') return status === 'Enabled';
  return status === undefined ? false : undefined;
}
