import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import type { Subscription } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import { startPublisher } from '@cartera/messaging';
import type { Bus, Consumer } from '@cartera/messaging';
import { ReadinessRegistry } from '@cartera/platform';
import type { Pool } from 'pg';
import { CASE_BUS, CASE_STORE, CASE_STORE_POOL, CASE_TABLES } from './case-management.infrastructure';
import type { CaseTables } from './case-management.schema';
import { mapCaseEvents } from './cases/cases.contracts';
import { CasesCommands } from './cases/cases.commands';
import { startCaseSummary } from './cases/cases.table';
import { startLedgerConsumer } from './cases/ledger.consumer';

/**
 * What runs beside HTTP: the ledger consumer, the cases read model and the publisher of
 * `case-management.events` (the store is the outbox; one active instance per checkpoint lock).
 */
@Injectable()
export class CaseManagementBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseManagementBackground');
  private projection: Subscription | undefined;
  private publisher: Subscription | undefined;
  private consumer: Consumer | undefined;

  constructor(
    @Inject(CASE_STORE) private readonly store: PostgresEventStore,
    @Inject(CASE_BUS) private readonly bus: Bus,
    @Inject(CASE_TABLES) private readonly t: CaseTables,
    @Inject(CASE_STORE_POOL) private readonly storePool: Pool,
    private readonly commands: CasesCommands,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projection = startCaseSummary(this.store, this.t);
    this.publisher = startPublisher({
      store: this.store,
      bus: this.bus,
      name: 'case-management-cases',
      topic: TOPICS.caseManagement,
      filter: { categories: ['case'] },
      map: mapCaseEvents,
      onError: (error) => this.logger.error(error.message),
    });
    this.consumer = startLedgerConsumer(this.bus, this.commands);
    await this.consumer.started;
    this.readiness.add('cases', async () => ({
      projection: this.projection?.position() ?? null,
      consumer: (await this.consumer?.health())?.status ?? 'stopped',
    }));
  }

  /** Resolves when the ledger messages published so far are applied, and the read model and publisher caught up. */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const health = await this.consumer?.health();
      if (!health || health.lag.every((p) => p.lag === 0)) break;
      if (Date.now() > deadline) throw new Error(`ledger consumer still behind after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([this.projection?.caughtUp(timeoutMs), this.publisher?.caughtUp(timeoutMs)]);
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('cases');
    await this.consumer?.stop().catch(() => undefined);
    await Promise.allSettled([this.projection?.stop(), this.publisher?.stop()]);
    await this.bus.close().catch(() => undefined);
    await this.store.close().catch(() => undefined);
    await this.storePool.end().catch(() => undefined);
  }
}
