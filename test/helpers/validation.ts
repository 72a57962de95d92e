/**
 * Runs `fn` with aws-cdk-lib's built-in CloudFormation validator switched on (unit tests switch it
 * off in `test/setup-env.ts`).
 */
export function withBuiltinValidation<T>(fn: () => T): T {
  const previous = process.env.CDK_VALIDATION;
  delete process.env.CDK_VALIDATION;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}
