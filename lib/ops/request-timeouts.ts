/**
 * How long one AWS request may go unanswered, in seconds (`--request-timeout`). The default leaves
 * room for a slow network; the bounds keep a hung endpoint from holding pipectl for more than a few
 * minutes per attempt.
 */
export const REQUEST_TIMEOUT_SECONDS = { min: 1, max: 300, default: 30 } as const;
