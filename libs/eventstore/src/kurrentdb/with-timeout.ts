/**
 * The KurrentDB client hangs for minutes on a port that accepts and never answers, ignoring its
 * deadline options: every call goes through our own timeout.
 */
export class KurrentTimeout extends Error {
  override readonly name = 'KurrentTimeout';
}

export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new KurrentTimeout(`KurrentDB did not answer ${what} within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** Iterates an async iterator with a timeout on every step; returning early closes the read. */
export async function* timed<T>(iterable: AsyncIterable<T>, ms: number, what: string): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await withTimeout(iterator.next(), ms, what);
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await withTimeout(Promise.resolve(iterator.return?.()), ms, `closing ${what}`).catch(() => undefined);
  }
}
