import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  findContract,
  TOPICS,
  validateContract,
  type AccountClosedV1,
  type AccountPlacedV1,
  type BalanceChangedV1,
  type HoldLiftedV1,
  type HoldPlacedV1,
  type PaymentPostedV1,
} from '@cartera/contracts';
import type { Subscription } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Bus, Consumer, HandlerContext, MessageValidator, ReceivedMessage } from '@cartera/messaging';
import { ReadinessRegistry } from '@cartera/platform';
import { applyDebtorEvent } from './debtor-directory.projection';
import { DEBTOR_TABLES, DEBTORS_BUS, DEBTORS_STORE } from './debtors.infrastructure';
import type { DebtorTables } from './debtors.schema';
import { PlacementMatcher } from './placements.consumer';
import { RetentionFactsTable } from './retention-facts.table';

/** The registry's consumer group on the bus: its own offsets and inbox. */
export const DEBTORS_GROUP = 'case-management.debtors';

const validateKnown: MessageValidator = (m) => {
  if (!findContract(m.type, m.schemaVersion)) return [];
  const r = validateContract(m.type, m.schemaVersion, m.payload);
  return r.ok ? [] : r.errors;
};

/** What runs beside HTTP: the placement consumer and the debtor read-model projection. */
@Injectable()
export class DebtorsBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Debtors');
  private consumer: Consumer | undefined;
  private projection: Subscription | undefined;

  constructor(
    @Inject(DEBTORS_BUS) private readonly bus: Bus,
    @Inject(DEBTORS_STORE) private readonly store: PostgresEventStore,
    @Inject(DEBTOR_TABLES) private readonly t: DebtorTables,
    private readonly matcher: PlacementMatcher,
    private readonly facts: RetentionFactsTable,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projection = this.store.subscribe({
      checkpointName: 'debtor_directory',
      filter: { categories: ['debtor'] },
      handler: async (events, ctx) => {
        for (const e of events) await applyDebtorEvent(ctx.client, this.t, e);
      },
      // Names the event only: its data is personal (sealed, but still not for logs).
      onError: (error) =>
        this.logger.error(`debtor_directory stopped at ${error.failedEvent.type} ${error.failedEvent.id}`),
    });
    await this.bus.ensureTopics([{ name: TOPICS.ledger }, { name: TOPICS.caseManagement }]);
    this.consumer = this.bus.subscribe({
      topics: [TOPICS.ledger, TOPICS.caseManagement],
      group: DEBTORS_GROUP,
      policy: { kind: 'dead-letter', maxAttempts: 5 },
      validate: validateKnown,
      maxPerTransaction: 1,
      handler: (m, ctx) => this.route(m, ctx),
    });
    await Promise.all([this.consumer.started, this.projection.started]);
    this.readiness.add('debtors', async () => ({
      consumer: (await this.consumer?.health())?.status ?? 'stopped',
      projection: this.projection?.position() ?? null,
    }));
  }

  private async route(m: ReceivedMessage, ctx: HandlerContext): Promise<void> {
    const db = ctx.client;
    switch (m.type) {
      case 'AccountPlaced':
        await this.facts.placed(db, m.payload as AccountPlacedV1);
        return this.matcher.place(m.payload as AccountPlacedV1, m, ctx);
      case 'BalanceChanged':
        return this.facts.balanceChanged(db, m.payload as BalanceChangedV1);
      case 'PaymentPosted':
        return this.facts.paymentPosted(db, m.payload as PaymentPostedV1);
      case 'AccountClosed':
        return this.facts.closed(db, m.payload as AccountClosedV1);
      case 'HoldPlaced':
        return this.facts.holdPlaced(db, m.payload as HoldPlacedV1);
      case 'HoldLifted':
        return this.facts.holdLifted(db, m.payload as HoldLiftedV1);
      default:
        return;
    }
  }

  /** Resolves once the consumer applied everything published so far and the read model followed (tests, tools). */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = ((await this.consumer?.health())?.lag ?? []).reduce((n, p) => n + p.lag, 0);
      if (lag === 0) break;
      if (Date.now() > deadline) throw new Error(`debtor consumer still ${lag} messages behind`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.projection?.caughtUp(Math.max(1, deadline - Date.now()));
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('debtors');
    await Promise.allSettled([this.consumer?.stop(), this.projection?.stop()]);
    await this.bus.close().catch(() => undefined);
    await this.store.close().catch(() => undefined);
  }
}
