/**
 * `npm run bench:eventstore` — throughput and latency of the PostgreSQL event store against the
 * raw ceiling of the same database and against @event-driven-io/emmett-postgresql, one JSON line
 * per figure ((g): the multi-stream bulk append). Starts its own PostgreSQL with default (durable) settings unless DATABASE_URL is set.
 * Each ratio to the raw ceiling compares two workloads measured in alternating one-second slices
 * (see `throughput`); the Emmett figures are measured after ours, in the same run.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startPostgres } from '@cartera/testing/postgres-server';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { NewEvent } from '@cartera/eventstore';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WRITERS = 16;
const BATCH_WRITERS = 4;
const print = (figure: string, values: Record<string, unknown>) =>
  console.log(JSON.stringify({ figure, ...values }));
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 1);

/**
 * A full garbage collection before each figure (the npm script runs node with --expose-gc): a
 * figure then pays for its own garbage, not for what the previous one left (a 400k-event catch-up
 * leaves enough for a major collection to land in the stream reads measured next).
 */
const settle = (): void => (globalThis as { gc?: () => void }).gc?.();

type Workload = Readonly<{
  workers: number;
  rowsPerOp: number;
  op: (worker: number, i: number) => Promise<unknown>;
}>;
type Throughput = Readonly<{ rowsPerSec: number; rows: number; written: number }>;

/** Runs `workers` loops of `op` until `seconds` have passed; `next` keeps each worker's count across calls. */
const runFor = async (w: Workload, next: number[], seconds: number) => {
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  let ops = 0;
  await Promise.all(
    next.map(async (_, worker) => {
      while (Date.now() < deadline) {
        await w.op(worker, next[worker]++);
        ops++;
      }
    }),
  );
  return { ops, ms: Date.now() - started };
};

/**
 * Operations (× rows per op) per second of each workload: each is warmed up for WARM_UP_SECONDS
 * (not counted: JIT, cached plans, pool connections), then measured for SECONDS in one-second
 * slices taken in turn (A, B, A, B, …). A ratio of two workloads measured together compares them
 * under the same conditions: this VM's speed drifts by up to 1.5× within minutes, so two figures
 * measured one after the other can differ by that much for no reason of their own. `i` keeps
 * counting across calls, so an op that derives names from it never repeats one.
 */
const throughput = async (...workloads: Workload[]): Promise<Throughput[]> => {
  settle();
  const state = workloads.map((w) => ({
    w,
    next: Array.from({ length: w.workers }, () => 0),
    warm: 0,
    ops: 0,
    ms: 0,
  }));
  for (const s of state) s.warm = (await runFor(s.w, s.next, WARM_UP_SECONDS)).ops;
  for (let slice = 0; slice < SECONDS; slice++) {
    for (const s of state) {
      const { ops, ms } = await runFor(s.w, s.next, 1);
      s.ops += ops;
      s.ms += ms;
    }
  }
  // `written` (warm-up included) is what a catch-up afterwards has to read.
  return state.map(({ w, warm, ops, ms }) => ({
    rowsPerSec: rate(ops * w.rowsPerOp, ms),
    rows: ops * w.rowsPerOp,
    written: (warm + ops) * w.rowsPerOp,
  }));
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const latencies = async (times: number, op: () => Promise<unknown>) => {
  for (let i = 0; i < 20; i++) await op(); // warm-up: plans, connections
  settle();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    await op();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: +percentile(ms, 50).toFixed(2), p99Ms: +percentile(ms, 99).toFixed(2) };
};

const payload = (i: number) => ({
  paymentId: randomUUID(),
  amount: BigInt(10_000 + i),
  currency: 'EUR',
  paidOn: '2026-01-15',
  channel: 'card',
});
const metadata = {
  correlationId: randomUUID(),
  actor: { kind: 'user' as const, id: 'agent-7' },
  creditorId: 'cr-1',
};
const ourEvent = (i: number): NewEvent => ({ type: 'PaymentPosted', data: payload(i), metadata });
// Emmett's JSON has no bigint: the amount travels as a string, as money does in our contracts.
const emmettEvent = (i: number) => ({
  type: 'PaymentPosted',
  data: { ...payload(i), amount: String(10_000 + i) },
  metadata,
});

const main = async () => {
  const server = await startPostgres({ tuning: ['-c', 'max_connections=200'] });
  const pool = new Pool({ connectionString: server.url, max: 40 });
  const settings = await pool.query(
    `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync, current_setting('fsync') AS fsync`,
  );
  print('environment', {
    postgres: server.kind,
    ...settings.rows[0],
    seconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    cpus: (await import('node:os')).cpus().length,
    gcBetweenFigures: typeof (globalThis as { gc?: unknown }).gc === 'function',
  });
  try {
    // (a) raw ceilings on a bare table carrying the same payload.
    // (a) and ours (b, c) are measured together, in alternating slices (see `throughput`).
    await pool.query(
      `CREATE TABLE raw_events (id uuid PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`,
    );
    const store = await createPostgresEventStore({ pool, schema: 'bench' });
    const [raw1, ours1] = await throughput(
      {
        workers: WRITERS,
        rowsPerOp: 1,
        op: (w, i) =>
          pool.query('INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5)', [
            randomUUID(),
            `raw-${w}`,
            'PaymentPosted',
            JSON.stringify({ ...payload(i), amount: String(i) }),
            JSON.stringify(metadata),
          ]),
      },
      {
        workers: WRITERS,
        rowsPerOp: 1,
        op: (w, i) => store.appendToStream(`account-${w}-${i % 50}`, [ourEvent(i)]),
      },
    );
    print('a.raw_single_row_insert_commit_16_connections', raw1);
    const rawBatch = (rows: number) => () => {
      const ids = Array.from({ length: rows }, () => randomUUID());
      const data = ids.map((_, i) => JSON.stringify({ ...payload(i), amount: String(i) }));
      return pool.query(
        `INSERT INTO raw_events SELECT id, 'raw-batch', 'PaymentPosted', d::jsonb, $3::jsonb FROM unnest($1::uuid[], $2::text[]) AS u(id, d)`,
        [ids, data, JSON.stringify(metadata)],
      );
    };
    const batch = (w: number, i: number) =>
      store.appendToStream(
        `account-batch-${w}-${i}`,
        Array.from({ length: 100 }, (_, k) => ourEvent(k)),
      );
    const [rawMulti1, ours100one] = await throughput(
      { workers: 1, rowsPerOp: 1000, op: rawBatch(1000) },
      { workers: 1, rowsPerOp: 100, op: batch },
    );
    print('a.raw_multi_row_insert_1000_rows_1_connection', rawMulti1);
    const [rawMulti4, ours100] = await throughput(
      { workers: BATCH_WRITERS, rowsPerOp: 1000, op: rawBatch(1000) },
      { workers: BATCH_WRITERS, rowsPerOp: 100, op: (w, i) => batch(w + 10, i) },
    );
    print(`a.raw_multi_row_insert_1000_rows_${BATCH_WRITERS}_connections`, rawMulti4);

    // (b)(c)(d)(e) ours.
    print('b.ours_single_event_appends_16_writers', ours1);
    print('c.ours_batched_appends_100_events_1_writer', ours100one);
    print(`c.ours_batched_appends_100_events_${BATCH_WRITERS}_writers`, ours100);

    // (g) bulk import: appendToStreams, 1,000 new streams of one event each per call (one round trip).
    const imports = (w: number, i: number) =>
      store.appendToStreams(
        Array.from({ length: 1000 }, (_, k) => ({
          streamId: `account-import-${w}-${i}-${k}`,
          events: [ourEvent(k)],
          expectedVersion: 'no_stream' as const,
        })),
      );
    const [oursImport] = await throughput({ workers: 1, rowsPerOp: 1000, op: imports });
    print('g.ours_append_to_streams_1000_new_streams_1_writer', oursImport);
    const [oursImport2] = await throughput({ workers: 2, rowsPerOp: 1000, op: (w, i) => imports(w + 10, i) });
    print('g.ours_append_to_streams_1000_new_streams_2_writers', oursImport2);

    const total =
      ours1.written + ours100one.written + ours100.written + oursImport.written + oursImport2.written;
    let seen = 0;
    settle();
    const t0 = Date.now();
    const sub = store.subscribe({
      checkpointName: 'bench-catch-up',
      batchSize: 2000,
      handler: async (es) => void (seen += es.length),
    });
    await sub.caughtUp(120_000);
    const catchUpMs = Date.now() - t0;
    await sub.stop();
    print('d.ours_catch_up_subscription', {
      events: seen,
      expected: total,
      eventsPerSec: rate(seen, catchUpMs),
    });

    for (let i = 0; i < 10; i++)
      await store.appendToStream(
        'account-long',
        Array.from({ length: 100 }, (_, k) => ourEvent(k)),
      );
    const oursRead = await latencies(300, () => store.readStream('account-long'));
    print('e.ours_read_1000_event_stream', oursRead);

    // (f) the same workload on Emmett.
    const emmettPool = new Pool({ connectionString: server.url, max: 20 });
    const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
    const emmett = getPostgreSQLEventStore(server.url, { connectionOptions: { pool: emmettPool } });
    await emmett.schema.migrate();
    const [em1] = await throughput({
      workers: WRITERS,
      rowsPerOp: 1,
      op: (w, i) => emmett.appendToStream(`account-${w}-${i % 50}`, [emmettEvent(i)]),
    });
    print('f.emmett_single_event_appends_16_writers', em1);
    const emBatch = (w: number, i: number) =>
      emmett.appendToStream(
        `account-batch-${w}-${i}`,
        Array.from({ length: 100 }, (_, k) => emmettEvent(k)),
      );
    const [em100one] = await throughput({ workers: 1, rowsPerOp: 100, op: emBatch });
    print('f.emmett_batched_appends_100_events_1_writer', em100one);
    const [em100] = await throughput({
      workers: BATCH_WRITERS,
      rowsPerOp: 100,
      op: (w, i) => emBatch(w + 10, i),
    });
    print(`f.emmett_batched_appends_100_events_${BATCH_WRITERS}_writers`, em100);

    const emTotal = em1.written + em100one.written + em100.written;
    let emSeen = 0;
    settle();
    const consumer = emmett.consumer({ pulling: { batchSize: 2000, pullingFrequencyInMs: 50 } });
    const t1 = Date.now();
    let emDone!: () => void;
    const finished = new Promise<void>((r) => (emDone = r));
    consumer.reactor({
      processorId: 'bench-catch-up',
      startFrom: 'BEGINNING',
      eachMessage: async () => {
        if (++emSeen >= emTotal) emDone();
      },
    });
    void consumer.start();
    // Bounded: report the rate reached if Emmett has not finished within 30 s.
    await Promise.race([finished, new Promise((r) => setTimeout(r, 30_000))]);
    const emCatchUpMs = Date.now() - t1;
    await consumer.stop();
    print('f.emmett_catch_up_consumer', {
      events: emSeen,
      expected: emTotal,
      eventsPerSec: rate(emSeen, emCatchUpMs),
    });

    for (let i = 0; i < 10; i++)
      await emmett.appendToStream(
        'account-long',
        Array.from({ length: 100 }, (_, k) => emmettEvent(k)),
      );
    const emRead = await latencies(300, () => emmett.readStream('account-long'));
    print('f.emmett_read_1000_event_stream', emRead);
    await emmett.close();
    await emmettPool.end().catch(() => undefined);

    const r = (a: number, b: number) => +(a / b).toFixed(2);
    print('ratios', {
      'b/raw_single_row (target >= 0.5)': r(ours1.rowsPerSec, raw1.rowsPerSec),
      'c/raw_multi_row, 1 connection (target >= 0.5)': r(ours100one.rowsPerSec, rawMulti1.rowsPerSec),
      [`c/raw_multi_row, ${BATCH_WRITERS} connections`]: r(ours100.rowsPerSec, rawMulti4.rowsPerSec),
      'catch-up events/s (target >= 100000)': rate(seen, catchUpMs),
      'read 1000 p99 ms (target < 20)': oursRead.p99Ms,
      'b/emmett (target >= 1)': r(ours1.rowsPerSec, em1.rowsPerSec),
      'c/emmett, 1 writer (target >= 1)': r(ours100one.rowsPerSec, em100one.rowsPerSec),
      [`c/emmett, ${BATCH_WRITERS} writers`]: r(ours100.rowsPerSec, em100.rowsPerSec),
      'd/emmett (target >= 1)': r(rate(seen, catchUpMs), rate(emSeen, emCatchUpMs)),
      'e read p99 ours/emmett': r(oursRead.p99Ms, emRead.p99Ms),
      'g import events/s, 1 writer (ledger needs > 10000)': oursImport.rowsPerSec,
    });
    await store.close();
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
