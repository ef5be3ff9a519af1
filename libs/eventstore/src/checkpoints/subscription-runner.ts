import type { Pool, PoolClient } from 'pg';
import {
  GlobalPosition,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionError,
} from '../event-store.port';
import { loadCheckpoint, storeCheckpoint, tryLock, unlock } from './pg-checkpoints';

export type Logger = Readonly<{ warn: (message: string, error?: unknown) => void }>;

/** What an adapter's event source sees while it holds the subscription. */
export interface SubscriptionSession {
  readonly client: PoolClient;
  readonly position: GlobalPosition | undefined;
  readonly stopping: boolean;
  /** Runs the handler and stores `endPosition` in one transaction; its error becomes a SubscriptionError. */
  handle(events: readonly RecordedEvent[], endPosition: GlobalPosition): Promise<void>;
  /** Moves the checkpoint over events the filter left out. */
  advance(position: GlobalPosition): Promise<void>;
  /** Sleeps until `ms` pass, `wake()` is called or the subscription stops; true when woken. */
  sleep(ms: number): Promise<boolean>;
  wake(): void;
  /** Called by the adapter once its start position is fixed: resolves `Subscription.started`. */
  markStarted(): void;
}

export type RunnerOptions = Readonly<{
  pool: Pool;
  schema: string;
  options: SubscribeOptions;
  logger: Logger;
  lockRetryMs: number;
  idleInTransactionTimeoutMs: number;
  /** Reads and hands over events until `session.stopping`; throws on infrastructure errors. */
  run: (session: SubscriptionSession) => Promise<void>;
  /** The newest position an event committed now can have (for `caughtUp`). */
  latestPosition: () => Promise<GlobalPosition | undefined>;
}>;

const summary = (e: RecordedEvent) => ({
  id: e.id,
  type: e.type,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  globalPosition: e.globalPosition,
});

/**
 * One active instance per checkpoint name: a session advisory lock on the connection that also runs
 * the handler's transaction; if it drops, the batch rolls back and the runner resumes from the checkpoint.
 */
export class CheckpointedSubscription implements SubscriptionSession {
  readonly started: Promise<void>;
  private resolveStarted!: () => void;
  private current: GlobalPosition | undefined;
  private activeClient: PoolClient | undefined;
  private stopRequested = false;
  private failure: SubscriptionError | undefined;
  private woken = false;
  private wakeSleeper: (() => void) | undefined;
  private progressWaiters = new Set<() => void>();
  private readonly done: Promise<void>;

  constructor(private readonly o: RunnerOptions) {
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
    this.done = this.loop();
  }

  get client(): PoolClient {
    if (!this.activeClient) throw new Error('subscription has no connection');
    return this.activeClient;
  }
  get position(): GlobalPosition | undefined {
    return this.current;
  }
  get stopping(): boolean {
    return this.stopRequested || this.failure !== undefined;
  }

  positionOf = (): GlobalPosition | undefined => this.current;

  async caughtUp(timeoutMs = 30_000): Promise<void> {
    await this.started;
    const target = await this.o.latestPosition();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      if (target === undefined || (this.current !== undefined && this.current >= target)) return;
      if (this.stopRequested)
        throw new Error(`Subscription ${this.o.options.checkpointName} was stopped before catching up`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `Subscription ${this.o.options.checkpointName} did not reach ${target} within ${timeoutMs} ms (at ${this.current ?? 'start'})`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 1_000));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.progressWaiters.add(done);
      });
    }
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wake();
    this.resolveStarted();
    await this.done;
  }

  markStarted(): void {
    this.resolveStarted();
  }

  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  sleep(ms: number): Promise<boolean> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const finish = (woken: boolean) => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        this.woken = false;
        resolve(woken);
      };
      const timer = setTimeout(() => finish(false), ms);
      this.wakeSleeper = () => finish(true);
    });
  }

  async handle(events: readonly RecordedEvent[], endPosition: GlobalPosition): Promise<void> {
    if (events.length === 0) return this.advance(endPosition);
    const failed = await this.transaction(events, endPosition);
    if (!failed) return;
    if (events.length === 1) throw this.fail(events[0], failed.error);
    // The batch failed: replay it one event at a time to name the failing event and keep what went before.
    for (const event of events) {
      const single = await this.transaction([event], event.globalPosition);
      if (single) throw this.fail(event, single.error);
    }
    if (endPosition > (this.current ?? '')) await this.advance(endPosition);
  }

  async advance(position: GlobalPosition): Promise<void> {
    if (this.current !== undefined && position <= this.current) return;
    await storeCheckpoint(this.client, this.o.schema, this.o.options.checkpointName, this.current, position);
    this.moved(position);
  }

  /**
   * Returns the handler's error (rolled back); infrastructure errors are thrown. The transaction opens
   * only when the handler asks for `context.client`, so a publisher's checkpoint is one autocommit.
   */
  private async transaction(
    events: readonly RecordedEvent[],
    end: GlobalPosition,
  ): Promise<{ error: unknown } | undefined> {
    const client = this.client;
    let begun: Promise<unknown> | undefined;
    const context = {
      get client() {
        if (!begun) {
          begun = client.query('BEGIN');
          begun.catch(() => undefined); // awaited below
        }
        return client;
      },
    };
    try {
      await this.o.options.handler(events, context);
      await begun;
    } catch (error) {
      if (begun) await client.query('ROLLBACK');
      return { error };
    }
    try {
      await storeCheckpoint(client, this.o.schema, this.o.options.checkpointName, this.current, end);
      if (begun) await client.query('COMMIT');
    } catch (error) {
      if (begun) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    this.moved(end);
    return undefined;
  }

  private fail(event: RecordedEvent, cause: unknown): SubscriptionError {
    return new SubscriptionError(this.o.options.checkpointName, summary(event), cause);
  }

  private moved(position: GlobalPosition): void {
    this.current = position;
    for (const waiter of this.progressWaiters) waiter();
    this.progressWaiters.clear();
  }

  private async loop(): Promise<void> {
    const { pool, schema, options, logger } = this.o;
    let backoff = 100;
    while (!this.stopping) {
      let client: PoolClient | undefined;
      let locked = false;
      let broken: Error | undefined;
      try {
        client = await pool.connect();
        client.on('error', ignore);
        this.activeClient = client;
        await client.query(
          `SET idle_in_transaction_session_timeout = ${Math.floor(this.o.idleInTransactionTimeoutMs)}`,
        );
        while (!this.stopping && !(locked = await tryLock(client, schema, options.checkpointName))) {
          await this.sleep(this.o.lockRetryMs);
        }
        if (!locked) break;
        this.current = (await loadCheckpoint(client, schema, options.checkpointName)) as
          GlobalPosition | undefined;
        await this.o.run(this);
        backoff = 100;
      } catch (error) {
        if (error instanceof SubscriptionError) {
          this.failure = error;
          options.onError?.(error);
          break;
        }
        broken = error as Error;
        if (this.stopping) break;
        logger.warn(
          `Subscription ${options.checkpointName}: ${String(broken.message)}; reconnecting in ${backoff} ms`,
          broken,
        );
      } finally {
        this.activeClient = undefined;
        if (client) {
          if (locked && !broken)
            await unlock(client, schema, options.checkpointName).catch((e: Error) => (broken = e));
          client.removeListener('error', ignore);
          // A broken connection is destroyed (freeing a lock it held), not returned to the pool.
          client.release(broken ?? undefined);
        }
      }
      if (broken && !this.stopping) {
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
    this.resolveStarted();
    for (const waiter of this.progressWaiters) waiter();
  }
}

const ignore = () => undefined;

export const asSubscription = (s: CheckpointedSubscription): Subscription => ({
  started: s.started,
  position: () => s.positionOf(),
  caughtUp: (timeoutMs?: number) => s.caughtUp(timeoutMs),
  stop: () => s.stop(),
});
