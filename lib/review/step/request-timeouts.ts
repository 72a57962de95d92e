/**
 * The request handler options of every SDK client of the review step's function. Without them a
 * call to an endpoint that accepts the connection and never answers ends only when Lambda stops the
 * function, and a function that is stopped reports nothing: CodePipeline then waits 20 minutes. With
 * them a hung call fails in seconds, and the function still has time to report the failure (the
 * failure report itself included). `throwOnRequestTimeout`: without it the SDK only logs that the
 * time passed. Kept apart from pipectl's own timeouts so that the function's bundle stays free of
 * the CLI.
 */
export const REVIEW_REQUEST_HANDLER = { connectionTimeout: 3_000, requestTimeout: 15_000, throwOnRequestTimeout: true } as const;
