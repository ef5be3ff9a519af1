/**
 * Turns among a member's partition workers: at most `n` read-and-apply at once, first come first
 * served. A worker holds its turn from its read to its last commit and gives it up while it waits
 * (for messages, or a retry's backoff), so a blocked partition never holds the others back.
 * Fewer concurrent transactions on one database mean larger batches, fewer lock waits and fewer
 * commits for the same messages (see libs/messaging/README.md).
 */
export class Turns {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(n: number) {
    this.free = Math.max(1, n);
  }

  /** Resolves true with a turn, or false (without one) once `signal` aborts. */
  take(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const granted = () => {
        signal.removeEventListener('abort', aborted);
        resolve(true);
      };
      const aborted = () => {
        const i = this.waiting.indexOf(granted);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      this.waiting.push(granted);
      signal.addEventListener('abort', aborted, { once: true });
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
