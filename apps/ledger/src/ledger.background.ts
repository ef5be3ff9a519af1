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
import type { Bus } from '@cartera/messaging';
import { PG_POOL, PLATFORM_CONFIG, ReadinessRegistry } from '@cartera/platform';
import type { Pool } from 'pg';
import { startAccountSummary } from './accounts/account-summary.table';
import { mapLedgerBatch } from './accounts/accounts.contracts';
import { AgingJob, JobRun } from './accounts/aging.job';
import { InterestJob } from './accounts/interest.job';
import type { LedgerConfig } from './ledger.config';
import { LEDGER_BUS, LEDGER_STORE, LEDGER_STORE_POOL, LEDGER_TABLES } from './ledger.infrastructure';
import type { LedgerTables } from './ledger.schema';

/**
 * What runs beside HTTP: the read-model projection, the publisher (both one active instance per
 * service through their subscription locks) and the daily jobs. The jobs run hourly so every time
 * zone is handled within an hour of its midnight; an advisory lock keeps them to one replica.
 * A process with LEDGER_ROLE=api runs none of it: its one thread serves commands only, and a
 * worker process (LEDGER_ROLE=worker, or all) does the rest.
 */
@Injectable()
export class LedgerBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LedgerBackground');
  private projection: Subscription | undefined;
  private publisher: Subscription | undefined;

  constructor(
    @Inject(LEDGER_STORE) private readonly store: PostgresEventStore,
    @Inject(LEDGER_BUS) private readonly bus: Bus,
    @Inject(LEDGER_TABLES) private readonly t: LedgerTables,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LEDGER_STORE_POOL) private readonly storePool: Pool,
    private readonly aging: AgingJob,
    private readonly interest: InterestJob,
    private readonly readiness: ReadinessRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Whether this process runs the projection, the publisher and the jobs. */
  get runsBackground(): boolean {
    return this.config.LEDGER_ROLE !== 'api';
  }

  onApplicationBootstrap(): void {
    if (!this.runsBackground) return;
    this.projection = startAccountSummary(this.store, this.t);
    this.publisher = startPublisher({
      store: this.store,
      bus: this.bus,
      name: 'ledger',
      topic: TOPICS.ledger,
      map: mapLedgerBatch(this.store),
      onError: (error) => this.logger.error(error.message),
    });
    this.readiness.add('projection', async () => ({ position: this.projection?.position() ?? null }));
  }

  /** Resolves when the read model and the publisher have handled every event committed so far. */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    await Promise.all([this.projection?.caughtUp(timeoutMs), this.publisher?.caughtUp(timeoutMs)]);
  }

  async projectionCaughtUp(timeoutMs = 15_000): Promise<void> {
    await this.projection?.caughtUp(timeoutMs);
  }

  @Cron('5 * * * *', { name: 'ledger-daily-jobs' })
  async hourly(): Promise<void> {
    if (!this.runsBackground) return;
    await this.exclusively('cartera.ledger.jobs', async () => {
      const interest = await this.interest.run(new Date());
      const aging = await this.aging.run(new Date());
      this.logger.log({ interest, aging }, 'daily jobs ran');
    });
  }

  private async exclusively(lock: string, work: () => Promise<void>): Promise<JobRun | void> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [lock],
      );
      if (!rows[0].ok) return;
      try {
        await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock]);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'daily jobs failed');
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('projection');
    await Promise.allSettled([this.projection?.stop(), this.publisher?.stop()]);
    await this.bus.close().catch(() => undefined);
    await this.store.close().catch(() => undefined);
    await this.storePool.end().catch(() => undefined);
  }
}
