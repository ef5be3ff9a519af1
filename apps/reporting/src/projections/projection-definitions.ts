import { ALL_TOPICS, findContract, TOPICS, validateContract } from '@cartera/contracts';
import type { MessageValidator } from '@cartera/messaging';
import type { ClientBase } from 'pg';
import type { MessageWrites } from './sql';
import { PortfolioMemorySink } from './portfolio.memory-sink';
import { applyPortfolioSql } from './portfolio.sql-sink';
import { PORTFOLIO_TABLE_NAMES, portfolioTables } from './portfolio.tables';
import { applyTimelineSql, insertTimelineBatch, TIMELINE_TABLE_NAMES, timelineTable, type TimelineMessage } from './timeline.projection';

/** A bus message as projections see it (live delivery and rebuild replay give the same shape). */
export type BusMessage = TimelineMessage;

/** Where a rebuild puts history: in memory, or straight into the shadow tables batch by batch. */
export interface ReplaySink {
  apply(m: BusMessage): void;
  /** After each read batch (append-only projections write it here, through the pool). */
  afterBatch(db: Queryable, batch: readonly BusMessage[]): Promise<void>;
  /** Once the replay reached the live position: the rest goes into the tables (inside `client`'s transaction). */
  finish(client: ClientBase): Promise<void>;
}

export type Queryable = Pick<ClientBase, 'query'>;

/**
 * The one consumer group of the service: every projection is applied in the same inbox
 * transaction of each message (one delivery, one commit, however many read models it feeds).
 */
export const REPORTING_GROUP = 'reporting';

/** A named projection: its topics, tables and the two ways to apply a message. */
export type ProjectionDefinition = Readonly<{
  name: string;
  topics: readonly string[];
  /** Table names in lock order (the order every live write touches them). */
  tables: readonly string[];
  /** Applies one message to the tables with this suffix ('' = live, '__shadow'): reads at once, writes held in `db` until its flush. */
  apply(db: MessageWrites, schema: string, suffix: string, m: BusMessage): Promise<void>;
  replaySink(schema: string, suffix: string): ReplaySink;
}>;

/** Known contracts are validated; messages of contracts not known yet pass (the timeline records them as they are). */
export const validateKnownContracts: MessageValidator = (m) => {
  if (!findContract(m.type, m.schemaVersion)) return [];
  const r = validateContract(m.type, m.schemaVersion, m.payload);
  return r.ok ? [] : r.errors;
};

export const portfolioProjection: ProjectionDefinition = {
  name: 'portfolio',
  topics: [TOPICS.ledger],
  tables: PORTFOLIO_TABLE_NAMES,
  apply: (db, schema, suffix, m) => applyPortfolioSql(db, portfolioTables(schema, suffix), m),
  replaySink: (schema, suffix) => {
    const memory = new PortfolioMemorySink();
    return {
      apply: (m) => memory.apply(m),
      afterBatch: async () => undefined,
      finish: (client) => memory.flush(client, portfolioTables(schema, suffix)),
    };
  },
};

export const timelineProjection: ProjectionDefinition = {
  name: 'debtor_timeline',
  topics: ALL_TOPICS,
  tables: TIMELINE_TABLE_NAMES,
  apply: async (db, schema, suffix, m) => applyTimelineSql(db, timelineTable(schema, suffix), m),
  replaySink: (schema, suffix) => {
    // Append-only: each batch is inserted as it is read, two inserts in flight (PostgreSQL's second core).
    const inFlight: Promise<void>[] = [];
    return {
      apply: () => undefined,
      afterBatch: async (db, batch) => {
        const insert = insertTimelineBatch(db, timelineTable(schema, suffix), batch);
        insert.catch(() => undefined); // awaited below or in finish; not an unhandled rejection meanwhile
        inFlight.push(insert);
        if (inFlight.length >= 2) await inFlight.shift();
      },
      finish: async () => {
        await Promise.all(inFlight.splice(0));
      },
    };
  },
};

/** Applied to each message in this order, in one inbox transaction; all writes are flushed after the reads. */
export const PROJECTIONS: readonly ProjectionDefinition[] = [portfolioProjection, timelineProjection];

export const projectionNamed = (name: string): ProjectionDefinition | undefined => PROJECTIONS.find((p) => p.name === name);
