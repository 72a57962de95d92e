/** What an operation acts on, so every message can name it. */
export interface OperationTarget {
  readonly pipeline: string;
  readonly stage?: string;
  readonly action?: string;
}

/** `action "A" in stage "S" of pipeline "P"`, or as much of it as is known. */
export function describeTarget(target: OperationTarget): string {
  const pipeline = `pipeline "${target.pipeline}"`;
  if (target.stage && target.action) return `action "${target.action}" in stage "${target.stage}" of ${pipeline}`;
  if (target.stage) return `stage "${target.stage}" of ${pipeline}`;
  return pipeline;
}

/**
 * An operation that ran but cannot succeed: no pending approval, a retry rule that blocks, a failed
 * execution. The CLI prints the message on one line and exits 1.
 */
export class OperationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationFailed';
  }
}
