import { CE_HEADERS, dlqTopicOf } from '@cartera/contracts';
import { decodePayload } from '@cartera/messaging';
import type { ClientBase, Pool, QueryResult } from 'pg';
import { REPORTING_GROUP, type BusMessage, type ProjectionDefinition } from './projection-definitions';
import { MessageWrites, qualified } from './sql';
import { withTransaction } from '@cartera/pg';

export const SHADOW = '__shadow';

/**
 * `seconds` runs to the swap (the rebuilt tables serve from then on); `analyzeSeconds` is the
 * planner statistics gathered on them right after, while they already serve.
 */
export type RebuildResult = Readonly<{
  projection: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  analyzeSeconds: number;
}>;

type Positions = Map<string, bigint>;
type LogRow = {
  offset: string;
  key: string;
  payload: string;
  id: string;
  type: string;
  time: string;
  version: string;
  source: string | null;
  creditor_id?: string | null;
  account_id?: string | null;
};
/** The payload's top-level ids when they are strings (as the timeline's `field` reads them). */
const REPLAYED_IDS = `,
  CASE WHEN jsonb_typeof(m.payload->'creditorId') = 'string' THEN m.payload->>'creditorId' END AS creditor_id,
  CASE WHEN jsonb_typeof(m.payload->'accountId') = 'string' THEN m.payload->>'accountId' END AS account_id`;
const keyOf = (topic: string, partition: number) => `${topic}/${partition}`;
const READ_BATCH = 5_000;
/** Pages read ahead of the one being applied, across partitions (PostgreSQL reads while Node applies). */
const READ_AHEAD = 2;
/** Below this many messages behind the live group, the rest is applied under the swap lock. */
const SWAP_WHEN_BEHIND = 500;

/**
 * Rebuilds a projection without stopping it: replays its topics from the start of the PostgreSQL
 * bus log into `<table>__shadow` (in memory first, then message by message), never past what the
 * live consumer group has committed, and swaps the tables by rename in one transaction that holds
 * the live tables' lock and applies the last few messages, so the swapped-in tables are exactly
 * at the live group's position. The live consumer keeps running; its writes wait a moment at the swap.
 */
export class ProjectionRebuild {
  private readonly seen = new Set<string>();
  private skip = new Set<string>();
  private readonly positions: Positions = new Map();
  private events = 0;

  constructor(
    private readonly pool: Pool,
    private readonly def: ProjectionDefinition,
    private readonly schema: string,
    private readonly busSchema = 'bus',
  ) {}

  async run(): Promise<RebuildResult> {
    const started = performance.now();
    const lock = await this.pool.connect();
    try {
      const { rows } = await lock.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [`cartera.reporting.rebuild:${this.def.name}`],
      );
      if (!rows[0].ok) throw new RebuildInProgress(this.def.name);
      try {
        await this.createShadowTables();
        this.skip = await this.deadLettered();
        const sink = this.def.replaySink(this.schema, SHADOW);
        await this.replay(await this.liveOffsets(this.pool), async (page) => {
          for (const m of page) sink.apply(m);
          await sink.afterPage(this.pool);
        });
        await withTransaction(this.pool, async (c) => {
          await sink.finish(c);
          await this.indexShadowTables(c);
        });
        for (let round = 0; round < 20; round++) {
          const applied = await this.replay(await this.liveOffsets(this.pool), (page) =>
            withTransaction(this.pool, (c) => this.applyEach(c, page)),
          );
          if (applied < SWAP_WHEN_BEHIND) break;
        }
        await this.swap();
      } finally {
        await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
          `cartera.reporting.rebuild:${this.def.name}`,
        ]);
      }
    } finally {
      lock.release();
    }
    const seconds = (performance.now() - started) / 1000;
    const analyzing = performance.now();
    await this.analyze();
    const analyzeSeconds = (performance.now() - analyzing) / 1000;
    return {
      projection: this.def.name,
      events: this.events,
      seconds: +seconds.toFixed(3),
      eventsPerSecond: Math.round(this.events / seconds),
      analyzeSeconds: +analyzeSeconds.toFixed(3),
    };
  }

  /**
   * Planner statistics for the swapped-in tables at once: they arrive without any, and until
   * autovacuum's next pass (up to a minute, under the live load) every query on them would be
   * planned on default estimates. Gathered after the swap, outside its lock: reads and writes go on.
   */
  private async analyze(): Promise<void> {
    for (const table of this.def.tables) await this.pool.query(`ANALYZE ${qualified(this.schema, table)}`);
  }

  private async applyEach(client: ClientBase, page: Iterable<BusMessage>): Promise<void> {
    const db = new MessageWrites(client);
    for (const m of page) await this.def.apply(db, this.schema, SHADOW, m);
    await db.flush();
  }

  /** Without indexes: the bulk load writes the heap only, and each index is built once afterwards (measured faster). */
  private async createShadowTables(): Promise<void> {
    await withTransaction(this.pool, async (c) => {
      for (const table of this.def.tables) {
        await c.query(`DROP TABLE IF EXISTS ${qualified(this.schema, table + SHADOW)}`);
        await c.query(
          `CREATE TABLE ${qualified(this.schema, table + SHADOW)} (LIKE ${qualified(this.schema, table)} INCLUDING ALL EXCLUDING INDEXES)`,
        );
        // LIKE does not copy per-column statistics targets: the swapped-in table keeps the live one's.
        const { rows } = await c.query<{ attname: string; attstattarget: number }>(
          `SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0`,
          [qualified(this.schema, table)],
        );
        for (const r of rows)
          await c.query(
            `ALTER TABLE ${qualified(this.schema, table + SHADOW)} ALTER COLUMN "${r.attname}" SET STATISTICS ${Number(r.attstattarget)}`,
          );
      }
    });
  }

  /**
   * The live tables' indexes on the shadow tables, as `LIKE … INCLUDING ALL` would have made them
   * (names chosen by PostgreSQL; the swap gives them the live names back). Before the messages
   * applied one by one, whose writes need them (ON CONFLICT).
   */
  private async indexShadowTables(c: ClientBase): Promise<void> {
    for (const table of this.def.tables) {
      const shadow = qualified(this.schema, table + SHADOW);
      const { rows } = await c.query<{ indexdef: string; constraintdef: string | null }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS indexdef, pg_get_constraintdef(k.oid) AS constraintdef FROM pg_index i
         LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
         WHERE i.indrelid = $1::regclass ORDER BY i.indexrelid`,
        [qualified(this.schema, table)],
      );
      for (const r of rows) {
        if (r.constraintdef) await c.query(`ALTER TABLE ${shadow} ADD ${r.constraintdef}`);
        else
          await c.query(
            r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ /, `CREATE $1INDEX ON ${shadow} `),
          );
      }
    }
  }

  /** Messages the live group dead-lettered: it never applied them, so neither does the replay. */
  private async deadLettered(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ message_id: string }>(
      `SELECT message_id FROM ${qualified(this.busSchema, 'messages')} WHERE topic = ANY($1::text[]) AND headers->>'dlq_group' = $2`,
      [this.def.topics.map(dlqTopicOf), REPORTING_GROUP],
    );
    return new Set(rows.map((r) => r.message_id));
  }

  /** Next offset per partition the live group committed (what the live tables reflect). */
  private async liveOffsets(client: Pick<ClientBase, 'query'>): Promise<Positions> {
    const { rows } = await client.query<{ topic: string; partition: number; next_offset: string }>(
      `SELECT p.topic, p.partition, coalesce(o.next_offset, 0)::text AS next_offset FROM ${qualified(this.busSchema, 'topic_partitions')} p
       LEFT JOIN ${qualified(this.busSchema, 'group_offsets')} o ON o."group" = $2 AND o.topic = p.topic AND o.partition = p.partition
       WHERE p.topic = ANY($1::text[])`,
      [this.def.topics, REPORTING_GROUP],
    );
    return new Map(rows.map((r) => [keyOf(r.topic, r.partition), BigInt(r.next_offset)]));
  }

  /**
   * Reads every partition from the replay's position up to `target`, in offset order, page by page
   * (offsets are contiguous per partition, so the pages are known in advance); READ_AHEAD pages are
   * read, across partitions, while the current one is applied. A page's messages are decoded as
   * `onPage` iterates them, so each payload object dies young instead of a page of them surviving a GC.
   */
  private async replay(
    target: Positions,
    onPage: (page: Iterable<BusMessage>) => Promise<void>,
    client: Pick<ClientBase, 'query'> = this.pool,
  ): Promise<number> {
    const pages: { key: string; topic: string; partition: number; from: bigint; end: bigint }[] = [];
    for (const [key, end] of target) {
      const [topic, partition] = [
        key.slice(0, key.lastIndexOf('/')),
        Number(key.slice(key.lastIndexOf('/') + 1)),
      ];
      for (let from = this.positions.get(key) ?? 0n; from < end; from += BigInt(READ_BATCH)) {
        pages.push({
          key,
          topic,
          partition,
          from,
          end: from + BigInt(READ_BATCH) < end ? from + BigInt(READ_BATCH) : end,
        });
      }
    }
    const read = (p: (typeof pages)[number]) => {
      const rows = client.query<LogRow>(
        `SELECT m."offset"::text AS "offset", m.key, m.payload::text AS payload, m.headers->>'ce_id' AS id, m.headers->>'ce_type' AS type,
           m.headers->>'ce_time' AS time, m.headers->>'ce_schemaversion' AS version, m.headers->>'ce_source' AS source${this.def.replayed ? REPLAYED_IDS : ''}
         FROM ${qualified(this.busSchema, 'messages')} m
         WHERE m.topic = $1 AND m.partition = $2 AND m."offset" >= $3 AND m."offset" < $4 ORDER BY m."offset"`,
        [p.topic, p.partition, p.from.toString(), p.end.toString()],
      );
      rows.catch(() => undefined); // awaited below; a page that fails first must not leave it unhandled
      return rows;
    };
    // One client (the swap's transaction) runs one query at a time: no read-ahead there.
    const ahead = client === this.pool ? READ_AHEAD : 0;
    const reads = pages.slice(0, ahead).map(read);
    const before = this.events;
    for (let i = 0; i < pages.length; i++) {
      if (i + ahead < pages.length) reads.push(read(pages[i + ahead]));
      const { key, topic, partition, from, end } = pages[i];
      const { rows } = await (reads.shift() as Promise<QueryResult<LogRow>>);
      // Offsets are contiguous per partition, so a page holds exactly end - from messages: fewer
      // means history the tables were built from was deleted (retention at the start, anything
      // else inside).
      if (rows.length !== Number(end - from))
        throw new HistoryPruned(topic, partition, firstMissing(rows, from));
      await onPage(this.messagesOf(rows, topic, partition));
      this.positions.set(key, end);
    }
    return this.events - before;
  }

  /**
   * The page's messages the live group applied (skips dead-lettered and repeated ids), one at a
   * time, counted as given. The payload is decoded when first read (the timeline mostly needs only
   * what `replayed` carries).
   */
  private *messagesOf(rows: readonly LogRow[], topic: string, partition: number): Generator<BusMessage> {
    for (const r of rows) {
      if (this.seen.has(r.id) || this.skip.has(r.id)) continue;
      this.seen.add(r.id);
      this.events++;
      let decoded: unknown;
      let done = false;
      yield {
        messageId: r.id,
        key: r.key,
        type: r.type,
        schemaVersion: Number(r.version),
        occurredAt: r.time,
        get payload() {
          if (!done) [decoded, done] = [decodePayload(r.payload), true];
          return decoded;
        },
        headers: r.source ? { [CE_HEADERS.source]: r.source } : {},
        topic,
        partition,
        offset: r.offset,
        replayed:
          r.creditor_id === undefined
            ? undefined
            : { payloadText: r.payload, creditorId: r.creditor_id, accountId: r.account_id ?? null },
      };
    }
  }

  /**
   * Locks the live tables (live writes wait), applies what the live group committed since, and
   * renames the shadow tables in; index names (and the constraints they back) are restored so the
   * entities still match.
   */
  private async swap(): Promise<void> {
    await withTransaction(this.pool, async (c) => {
      const live = this.def.tables.map((t) => qualified(this.schema, t)).join(', ');
      await c.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE`);
      await this.replay(await this.liveOffsets(c), (page) => this.applyEach(c, page), c);
      for (const table of this.def.tables) {
        const indexes = await this.indexNames(c, table);
        const comment = (
          await c.query<{ c: string | null }>(`SELECT obj_description($1::regclass, 'pg_class') AS c`, [
            qualified(this.schema, table),
          ])
        ).rows[0].c;
        const shadowIndexes = await this.indexNames(c, table + SHADOW);
        await c.query(`ALTER TABLE ${qualified(this.schema, table)} RENAME TO "${table}__old"`);
        await c.query(`ALTER TABLE ${qualified(this.schema, table + SHADOW)} RENAME TO "${table}"`);
        await c.query(`DROP TABLE ${qualified(this.schema, `${table}__old`)}`);
        for (const [definition, name] of shadowIndexes) {
          const original = indexes.get(definition);
          if (original && original !== name)
            await c.query(`ALTER INDEX ${qualified(this.schema, name)} RENAME TO "${original}"`);
        }
        if (comment)
          await c.query(`COMMENT ON TABLE ${qualified(this.schema, table)} IS ${quoteLiteral(comment)}`);
      }
      const role = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'cartera_analyst'`);
      if (role.rowCount)
        await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA "${this.schema}" TO cartera_analyst`);
    });
  }

  /** Index definition without its name and table → index name. */
  private async indexNames(c: ClientBase, table: string): Promise<Map<string, string>> {
    const { rows } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`,
      [this.schema, table],
    );
    return new Map(rows.map((r) => [r.indexdef.replace(/ INDEX \S+ ON \S+/, ' INDEX ON'), r.indexname]));
  }
}

const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export class RebuildInProgress extends Error {
  override readonly name = 'RebuildInProgress';
  constructor(projection: string) {
    super(`A rebuild of ${projection} is already running`);
  }
}

/** The first offset from `from` on that a page of contiguous offsets lacks. */
const firstMissing = (rows: readonly { offset: string }[], from: bigint): bigint => {
  for (let i = 0; i < rows.length; i++)
    if (rows[i].offset !== (from + BigInt(i)).toString()) return from + BigInt(i);
  return from + BigInt(rows.length);
};

/** The log no longer holds the history a rebuild needs (topic retention, or a deleted message); the live tables are left as they are. */
export class HistoryPruned extends Error {
  override readonly name = 'HistoryPruned';
  constructor(topic: string, partition: number, offset: bigint) {
    super(
      `${topic}/${partition} no longer holds offset ${offset} (retention or deletion): a rebuild needs the topics' full history`,
    );
  }
}
