/** How often and for how long a command follows a running execution. */
export interface PollOptions {
  /** Milliseconds between two reads. */
  readonly intervalMs: number;
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  /**
   * Waits between reads; tests pass a fake.
   * @default - a real timer
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The clock.
   * @default Date.now
   */
  readonly now?: () => number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `read` until `done(value)` holds, at most until the timeout; returns the last value and
 * whether it finished. Every loop in pipectl that follows AWS goes through here, so each is bounded.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<{ value: T; finished: boolean }> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, finished: true };
    if (now() + options.intervalMs > deadline) return { value, finished: false };
    await sleep(options.intervalMs);
  }
}
