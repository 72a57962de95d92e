/** A file that cannot be read as a pipeline: `pipectl` reports it in one line with exit code 2. */
export class PipelineInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineInputError';
  }
}
