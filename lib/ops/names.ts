import { UsageError } from '../private/usage-error';

/**
 * Checks pipeline, stage and action names before any request, with the constraint of the
 * CodePipeline API model (1–100 characters of `A-Za-z0-9.@-_`), so a typo is a usage error that
 * says what is allowed instead of a ValidationException.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineState.html
 */
const NAME_PATTERN = /^[A-Za-z0-9.@\-_]{1,100}$/;

export type NameKind = 'pipeline' | 'stage' | 'action';

export function checkName(kind: NameKind, value: string): string {
  if (!NAME_PATTERN.test(value)) {
    throw new UsageError(
      `${kind} name "${value}" is not valid: use 1–100 characters of letters, digits, '.', '@', '-' and '_'`,
    );
  }
  return value;
}
