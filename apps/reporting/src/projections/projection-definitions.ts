import { ALL_TOPICS, findContract, TOPICS, validateContract } from '@cartera/contracts';
import type { MessageValidator } from '@cartera/messaging';
import type { ClientBase, Pool } from 'pg';
import type { MessageWrites } from './sql';
import { cannotApply } from './parked-messages';
import { PortfolioMemorySink } from './portfolio.memory-sink';
import { applyPortfolioSql } from './portfolio.sql-sink';
import { PORTFOLIO_TABLE_NAMES, portfolioTables } from './portfolio.tables';
import {
  applyTimelineSql,
  copyTimelineRows,
  TIMELINE_TABLE_NAMES,
  timelineTable,
  timelineValues,
  type TimelineMessage,
} from './timeline.projection';

/** A bus message as projections see it (live delivery and rebuild replay give the same shape). */
export type BusMessage = TimelineMessage;

/** Where a rebuild puts history: in memory, or straight into the shadow tables page by page. */
export interface ReplaySink {
  apply(m: BusMessage): void;
  /** After each page read (append-only projections write what it applied here, with connections of the pool). */
  afterPage(pool: Pool): Promise<void>;
  /** Once the replay reached the live position: the rest goes into the (index-less) tables, inside `client`'s transaction. */
  finish(client: ClientBase): Promise<void>;
}

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
  /** The replay reads each payload's text and top-level ids for it (`BusMessage.replayed`). */
  replayed?: boolean;
  /** Why this projection cannot apply `m` (it is parked instead), or undefined. */
  cannotApply?(m: BusMessage): string | undefined;
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
  cannotApply,
  apply: (db, schema, suffix, m) => applyPortfolioSql(db, portfolioTables(schema, suffix), m),
  replaySink: (schema, suffix) => {
    const memory = new PortfolioMemorySink();
    return {
      apply: (m) => memory.apply(m),
      afterPage: async () => undefined,
      finish: (client) => memory.flush(client, portfolioTables(schema, suffix)),
    };
  },
};

export const timelineProjection: ProjectionDefinition = {
  name: 'debtor_timeline',
  topics: ALL_TOPICS,
  replayed: true,
  tables: TIMELINE_TABLE_NAMES,
  apply: async (db, schema, suffix, m) => applyTimelineSql(db, timelineTable(schema, suffix), m),
  replaySink: (schema, suffix) => {
    // Append-only: each page is copied in as it is read, two copies in flight (PostgreSQL's second core).
    const inFlight: Promise<void>[] = [];
    let rows: unknown[][] = [];
    return {
      apply: (m) => void rows.push(timelineValues(m)),
      afterPage: async (pool) => {
        const insert = copyTimelineRows(pool, timelineTable(schema, suffix), rows);
        rows = [];
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

export const projectionNamed = (name: string): ProjectionDefinition | undefined =>
  PROJECTIONS.find((p) => p.name === name);
