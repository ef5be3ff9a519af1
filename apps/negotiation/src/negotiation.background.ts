import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TOPICS } from '@cartera/contracts';
import type { Subscription } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import { startPublisher } from '@cartera/messaging';
import type { Bus, Consumer } from '@cartera/messaging';
import { PG_POOL, ReadinessRegistry } from '@cartera/platform';
import type { Pool } from 'pg';
import { CLOCK, todayOf } from './negotiation.clock';
import { NEGOTIATION_BUS, NEGOTIATION_STORE, NEGOTIATION_TABLES } from './negotiation.infrastructure';
import type { NegotiationTables } from './negotiation.schema';
import { LedgerPaymentsConsumer, NEGOTIATION_GROUP } from './promises/ledger-payments.consumer';
import { CheckRun, PromiseCheckJob } from './promises/promise-check.job';
import { mapPromiseBatch } from './promises/promises.contracts';
import { startPromisesProjection } from './promises/promises.table';

/**
 * What runs beside HTTP: the read model and the publisher (one active instance each, by their
 * subscription locks), the consumer of the ledger's payments and the daily check of promises.
 */
@Injectable()
export class NegotiationBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NegotiationBackground');
  private projection: Subscription | undefined;
  private publisher: Subscription | undefined;
  private consumer: Consumer | undefined;

  constructor(
    @Inject(NEGOTIATION_STORE) private readonly store: PostgresEventStore,
    @Inject(NEGOTIATION_BUS) private readonly bus: Bus,
    @Inject(NEGOTIATION_TABLES) private readonly t: NegotiationTables,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: () => Date,
    private readonly payments: LedgerPaymentsConsumer,
    private readonly promiseCheck: PromiseCheckJob,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projection = startPromisesProjection(this.store, this.t);
    this.publisher = startPublisher({
      store: this.store,
      bus: this.bus,
      name: 'negotiation',
      topic: TOPICS.negotiation,
      filter: { categories: ['promise'] },
      map: mapPromiseBatch(this.store),
      onError: (error) => this.logger.error(error.message),
    });
    // `block`: one account's payments and reversals must be recorded in their order.
    this.consumer = this.bus.subscribe({
      topics: [TOPICS.ledger],
      group: NEGOTIATION_GROUP,
      policy: { kind: 'block', maxAttempts: 5 },
      handler: this.payments.handle,
    });
    await this.consumer.started;
    this.readiness.add('negotiation', async () => ({
      projection: this.projection?.position() ?? null,
      consumer: (await this.consumer?.health())?.status ?? 'stopped',
    }));
  }

  /** Resolves when the read model and the publisher have handled every event committed so far. */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    await Promise.all([this.projection?.caughtUp(timeoutMs), this.publisher?.caughtUp(timeoutMs)]);
  }

  /** Resolves once the consumer has handled every ledger message published so far. */
  async paymentsCaughtUp(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = ((await this.consumer?.health())?.lag ?? []).reduce((n, p) => n + p.lag, 0);
      if (lag === 0) return;
      if (Date.now() > deadline) throw new Error(`ledger payments still ${lag} messages behind`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The daily check for a given day (tests and tools call it directly). */
  checkPromises(asOf: string): Promise<CheckRun> {
    return this.promiseCheck.run(asOf);
  }

  // Hourly: the check is idempotent, and a late hour catches up; one replica runs it (advisory lock).
  @Cron('20 * * * *', { name: 'negotiation-promise-check' })
  async hourly(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const lock = 'cartera.negotiation.promise-check';
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [lock],
      );
      if (!rows[0].ok) return;
      try {
        this.logger.log(await this.checkPromises(todayOf(this.clock())), 'promise check ran');
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock]);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'promise check failed');
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('negotiation');
    await Promise.allSettled([this.projection?.stop(), this.publisher?.stop(), this.consumer?.stop()]);
    await this.bus.close().catch(() => undefined);
    await this.store.close().catch(() => undefined);
  }
}
