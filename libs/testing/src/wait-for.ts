/** Polls `check` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export const eventually = async <T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  {
    timeoutMs = 10_000,
    intervalMs = 20,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** Prints one clear line and returns `describe.skip` when an optional backend is not configured. */
export const describeIfEnv = (variable: string, title: string): jest.Describe => {
  if (process.env[variable]) return describe;
  // Straight to stderr: Jest drops buffered console output of a file whose tests are all skipped.
  process.stderr.write(`SKIP ${title}: set ${variable} to run it\n`);
  return describe.skip;
};
