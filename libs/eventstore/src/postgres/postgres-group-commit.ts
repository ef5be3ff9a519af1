import type { AppendResult } from '../event-store.port';
import type { PreparedAppend } from '../validation';
import { Batcher } from './postgres-batcher';

/**
 * Group commit: single-stream appends arriving while the store is busy go out as one multi-stream
 * append. A failure naming one item settles that caller and the rest run again; one naming none
 * settles every caller by a lone append. A stream appears once per group, keeping arrival order.
 */
export type GroupRunner = Readonly<{
  /** Runs the appends in one statement; results in item order; a failure is the database's own error. */
  run: (appends: readonly PreparedAppend[]) => Promise<AppendResult[]>;
  /** The item (0-based) a failure of `run` is about, or undefined when it names none. */
  itemOf: (error: unknown) => number | undefined;
  /** What the caller of a lone append would have got for this failure. */
  errorOf: (error: unknown, append: PreparedAppend) => unknown;
}>;

type Waiter = { append: PreparedAppend; resolve: (r: AppendResult) => void; reject: (e: unknown) => void };

/** Most appends, and events, one group takes (well below the multi-append limits). */
const MAX_GROUP_ITEMS = 64;
const MAX_GROUP_EVENTS = 2_000;

export class GroupCommit extends Batcher<Waiter> {
  /** `lanes`: groups in flight at once; more arrivals wait and go out together in the next group. */
  constructor(
    private readonly runner: GroupRunner,
    lanes: number,
  ) {
    super(lanes);
  }

  append(append: PreparedAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => this.enqueue({ append, resolve, reject }));
  }

  protected take(): Waiter[] {
    const group: Waiter[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length && group.length < MAX_GROUP_ITEMS;) {
      const w = this.queue[i];
      const size = w.append.events.length;
      if (streams.has(w.append.streamId) || (group.length > 0 && events + size > MAX_GROUP_EVENTS)) {
        i++;
        continue;
      }
      streams.add(w.append.streamId);
      events += size;
      group.push(w);
      this.queue.splice(i, 1);
    }
    return group;
  }

  protected async settle(group: Waiter[]): Promise<void> {
    let pending = group;
    while (pending.length > 0) {
      const appends = pending.map((w) => w.append);
      try {
        const results = await this.runner.run(appends);
        pending.forEach((w, i) => w.resolve(results[i]));
        return;
      } catch (error) {
        const item = pending.length === 1 ? 0 : this.runner.itemOf(error);
        if (item === undefined || item < 0 || item >= pending.length) {
          // Nothing says whose fault it was: each caller gets the outcome of its own append.
          await Promise.all(
            pending.map((w) =>
              this.runner.run([w.append]).then(
                (r) => w.resolve(r[0]),
                (e: unknown) => w.reject(this.runner.errorOf(e, w.append)),
              ),
            ),
          );
          return;
        }
        pending[item].reject(this.runner.errorOf(error, pending[item].append));
        pending = pending.filter((_, i) => i !== item);
      }
    }
  }
}
