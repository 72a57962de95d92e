import { PipelineInputError } from '../../lib/model/load-file';

/** The message of the PipelineInputError `fn` throws, which must be one line. */
export function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineInputError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected a PipelineInputError');
}
