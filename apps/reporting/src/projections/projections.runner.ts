import {
  Inject,
  Injectable,
  Logger,
  NotImplementedException,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Bus, Consumer } from '@cartera/messaging';
import { METRICS_REGISTRY, PG_POOL, PLATFORM_CONFIG, ReadinessRegistry } from '@cartera/platform';
import type { ClientBase, Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import type { ReportingConfig } from '../reporting.config';
import {
  PROJECTIONS,
  projectionNamed,
  REPORTING_GROUP,
  validateKnownContracts,
  type BusMessage,
  type ProjectionDefinition,
} from './projection-definitions';
import {
  accountOf,
  isHeldBack,
  park,
  parkedSummary,
  takeParked,
  unpark,
  type ParkedSummary,
} from './parked-messages';
import { ProjectionRebuild, type RebuildResult } from './projection-rebuild';
import { deltasFunctionSql } from './portfolio.sql-sink';
import { portfolioTables } from './portfolio.tables';
import { MessageWrites } from './sql';
import { quietTimelineStatistics } from './timeline.projection';
import { withTransaction } from '@cartera/pg';

export const REPORTING_BUS = Symbol('REPORTING_BUS');

export type RebuildStatus = Readonly<{
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  result?: RebuildResult;
  error?: string;
}>;

export type ReplayResult = Readonly<{ applied: number; stillParked: number }>;

const HELD_BACK = 'held back: an earlier message of this account is parked';

export type ProjectionStatus = Readonly<{
  name: string;
  group: string;
  status: string;
  lag: number;
  blocked: number;
  parked: ParkedSummary;
  rebuild: RebuildStatus | null;
}>;

/**
 * Runs the projections as one consumer group on the bus (policy `block`: one debtor's order
 * matters; every projection writes in the message's inbox transaction), reports lag per
 * projection and runs rebuilds.
 */
@Injectable()
export class ProjectionsRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private consumer: Consumer | undefined;
  private readonly rebuilds = new Map<string, { status: RebuildStatus; done: Promise<RebuildStatus> }>();

  constructor(
    @Inject(REPORTING_BUS) private readonly bus: Bus,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_CONFIG) private readonly config: ReportingConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly readiness: ReadinessRegistry,
  ) {
    const lag: Gauge<'projection'> = new Gauge({
      name: 'cartera_reporting_projection_lag',
      help: 'Messages on the projection topics not yet applied by the projection',
      labelNames: ['projection'],
      registers: [registry],
      collect: async () => {
        for (const s of await this.status()) lag.set({ projection: s.name }, s.lag);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const schema = this.config.DB_SCHEMA;
    await this.prepareTables(schema);
    this.consumer = this.bus.subscribe({
      topics: [...new Set(PROJECTIONS.flatMap((p) => p.topics))],
      group: REPORTING_GROUP,
      policy: { kind: 'block', maxAttempts: 5 },
      validate: validateKnownContracts,
      handler: async (m, ctx) => {
        // Every projection in the inbox transaction, which the bus shares between a run of
        // messages: one MessageWrites for all of them, reads first, writes last; the aggregate
        // deltas are merged and written once before COMMIT (short lock holds, no lock-order
        // inversions between partitions).
        const db = ctx.transaction.shared('reporting-writes', () => {
          const writes = new MessageWrites(ctx.client, true, ctx.transaction.messages);
          ctx.transaction.beforeCommit(() => writes.finish());
          return writes;
        });
        for (const def of PROJECTIONS)
          if (def.topics.includes(m.topic)) await this.applyOrPark(ctx.client, db, def, m);
      },
    });
    await this.consumer.started;
    this.readiness.add('projections', async () =>
      Object.fromEntries(
        (await this.status()).map((s) => [s.name, { status: s.status, lag: s.lag, blocked: s.blocked }]),
      ),
    );
  }

  /**
   * One message the projection cannot apply is parked, and so is every later one of its account
   * (they build on it); every other account goes on.
   */
  private async applyOrPark(
    client: Pick<ClientBase, 'query'>,
    db: MessageWrites,
    def: ProjectionDefinition,
    m: BusMessage,
  ): Promise<void> {
    const schema = this.config.DB_SCHEMA;
    const reason = (await isHeldBack(client, schema, def.name, accountOf(m)))
      ? HELD_BACK
      : def.cannotApply?.(m);
    if (reason === undefined) return def.apply(db, schema, '', m);
    this.logger.warn(`${def.name} parked message ${m.messageId}: ${reason}`);
    await park(client, schema, def.name, m, reason);
  }

  /** Applies the parked messages that now apply, in bus order per account; an account stops at its first that still does not. */
  replayParked(name: string): Promise<ReplayResult> | undefined {
    const def = projectionNamed(name);
    if (!def) return undefined;
    const schema = this.config.DB_SCHEMA;
    return withTransaction(this.pool, async (client) => {
      const stuck = new Set<string>();
      let applied = 0;
      for (const { accountId, message } of await takeParked(client, schema, def.name)) {
        if (stuck.has(accountId) || def.cannotApply?.(message) !== undefined) {
          stuck.add(accountId);
          continue;
        }
        const writes = new MessageWrites(client);
        await def.apply(writes, schema, '', message);
        await writes.finish();
        await unpark(client, schema, def.name, message.messageId);
        applied++;
      }
      return { applied, stillParked: (await parkedSummary(client, schema, def.name)).count };
    });
  }

  async status(): Promise<ProjectionStatus[]> {
    const h = await this.consumer?.health();
    const parked = await Promise.all(
      PROJECTIONS.map((def) => parkedSummary(this.pool, this.config.DB_SCHEMA, def.name)),
    );
    return PROJECTIONS.map((def, i) => {
      const mine = <T extends { topic: string }>(rows: readonly T[]) =>
        rows.filter((r) => def.topics.includes(r.topic));
      return {
        name: def.name,
        group: REPORTING_GROUP,
        status: h?.status ?? 'stopped',
        lag: h ? mine(h.lag).reduce((n, p) => n + p.lag, 0) : 0,
        blocked: h ? mine(h.blocked).length : 0,
        parked: parked[i],
        rebuild: this.rebuilds.get(def.name)?.status ?? null,
      };
    });
  }

  /**
   * What the live path needs beside TypeORM's tables — the timeline's statistics setting and the
   * aggregate function (replaced) — at every start, serialised across replicas (concurrent
   * CREATE OR REPLACE can race).
   */
  private prepareTables(schema: string): Promise<void> {
    return withTransaction(
      this.pool,
      async (client) => {
        await client.query(quietTimelineStatistics(schema));
        await client.query(deltasFunctionSql(portfolioTables(schema)));
      },
      { advisoryLock: `cartera.reporting.functions:${schema}` },
    );
  }

  /** Resolves once every projection applied everything published so far (tests, tools). */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = (await this.status()).reduce((n, s) => n + s.lag, 0);
      if (lag === 0) return;
      if (Date.now() > deadline)
        throw new Error(`projections still ${lag} messages behind after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Starts a rebuild (or returns the one running); `done` resolves with its outcome. */
  rebuild(name: string): { status: RebuildStatus; done: Promise<RebuildStatus> } | undefined {
    const def: ProjectionDefinition | undefined = projectionNamed(name);
    if (!def) return undefined;
    const running = this.rebuilds.get(name);
    if (running?.status.state === 'running') return running;
    if (this.bus.kind !== 'postgres')
      throw new NotImplementedException(
        'Rebuild replays the PostgreSQL bus log; with BUS=kafka it is not available yet',
      );
    const startedAt = new Date().toISOString();
    const entry: { status: RebuildStatus; done: Promise<RebuildStatus> } = {
      status: { state: 'running', startedAt },
      done: Promise.resolve({ state: 'running', startedAt }),
    };
    entry.done = new ProjectionRebuild(this.pool, def, this.config.DB_SCHEMA).run().then(
      (result) => (entry.status = { state: 'done', startedAt, finishedAt: new Date().toISOString(), result }),
      (error: Error) => {
        this.logger.error({ err: error }, `rebuild of ${name} failed`);
        return (entry.status = {
          state: 'failed',
          startedAt,
          finishedAt: new Date().toISOString(),
          error: error.message,
        });
      },
    );
    this.rebuilds.set(name, entry);
    return entry;
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.remove('projections');
    await Promise.allSettled([...this.rebuilds.values()].map((r) => r.done));
    await this.consumer?.stop().catch(() => undefined);
    await this.bus.close().catch(() => undefined);
  }
}
