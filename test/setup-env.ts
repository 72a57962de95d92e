/**
 * The one switch for aws-cdk-lib's built-in CloudFormation validator in unit tests: it costs ~2 s and
 * ~350 MB per synth, so unit tests run without it. Tests that exist to run it (the examples' tests)
 * call `withBuiltinValidation()` from `test/helpers/validation.ts`.
 */
process.env.CDK_VALIDATION = 'false';
