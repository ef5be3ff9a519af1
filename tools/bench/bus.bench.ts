import { startPostgres } from '@cartera/testing/postgres-server';
// `npm run bench:bus`: PostgreSQL bus adapter figures, one JSON line each.
// 1. publish rate with batching; 2. end-to-end latency p50/p99 at a steady 1,000 msgs/s with 4
// consumers of one group (8 partitions, inbox transaction per message as in production).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OutgoingMessage } from '@cartera/messaging';
import { createPostgresBus } from '@cartera/messaging/postgres';
import { Pool } from 'pg';

const RATE = Number(process.env['BENCH_RATE'] ?? 1_000);
const LATENCY_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const PUBLISH_TOTAL = Number(process.env['BENCH_PUBLISH_TOTAL'] ?? 50_000);

const print = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));
const now = () => performance.timeOrigin + performance.now();

const message = (i: number, sentAt = 0): OutgoingMessage => ({
  key: `debtor-${i % 997}`,
  messageId: randomUUID(),
  type: 'BenchPaymentPosted',
  schemaVersion: 1,
  payload: { accountId: `account-${i % 997}`, amountMinor: String(1_000 + i), currency: 'EUR', sentAt },
});

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function publishRate(url: string) {
  for (const [batch, concurrency] of [
    [500, 1],
    [500, 4],
    [1, 4],
  ] as const) {
    const bus = createPostgresBus({ connectionString: url, schema: 'bench_pub' });
    const topic = `bench.publish.${batch}.${concurrency}`;
    await bus.ensureTopics([{ name: topic, partitions: 8 }]);
    const total = batch === 1 ? Math.min(PUBLISH_TOTAL, 4_000) : PUBLISH_TOTAL;
    let next = 0;
    const started = now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const from = next;
          next += batch;
          await bus.publish(
            topic,
            Array.from({ length: Math.min(batch, total - from) }, (_, i) => message(from + i)),
          );
        }
      }),
    );
    const seconds = (now() - started) / 1000;
    print({
      figure: 'publish_rate',
      adapter: 'postgres',
      batch,
      concurrency,
      messages: total,
      seconds: +seconds.toFixed(2),
      msgsPerSec: Math.round(total / seconds),
    });
    await bus.close();
  }
}

async function latency(url: string) {
  const topic = 'bench.latency';
  const group = 'bench-consumers';
  const publisher = createPostgresBus({ connectionString: url, schema: 'bench_e2e' });
  await publisher.ensureTopics([{ name: topic, partitions: 8 }]);
  const latencies: number[] = [];
  const publishMs: number[] = [];
  let measureFrom = Number.POSITIVE_INFINITY;
  const consumers = Array.from({ length: 4 }, () =>
    createPostgresBus({ connectionString: url, schema: 'bench_e2e', leaseMs: 3_000, pollIntervalMs: 1_000 }),
  );
  const subs = consumers.map((bus) =>
    bus.subscribe({
      topics: [topic],
      group,
      policy: { kind: 'block' },
      validate: false,
      handler: async (m) => {
        const { sentAt } = m.payload as { sentAt: number };
        if (sentAt >= measureFrom) latencies.push(now() - sentAt);
      },
    }),
  );
  await Promise.all(subs.map((s) => s.started));
  // Wait until the 4 members have split the 8 partitions between them.
  for (;;) {
    const owned = await Promise.all(subs.map(async (s) => (await s.health()).owned.length));
    if (owned.every((n) => n === 2)) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  const run = async (seconds: number) => {
    let sent = 0;
    const started = now();
    const inFlight = new Set<Promise<void>>();
    while (now() - started < seconds * 1000) {
      const due = Math.floor(((now() - started) / 1000) * RATE) - sent;
      if (due > 0) {
        const t = now();
        const batch = Array.from({ length: due }, (_, i) => message(sent + i, t));
        sent += due;
        const p = publisher
          .publish(topic, batch)
          .then(() => void (t >= measureFrom && publishMs.push(now() - t)))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    return sent;
  };
  await run(2); // warm-up
  measureFrom = now();
  const sent = await run(LATENCY_SECONDS);
  const deadline = now() + 10_000;
  while (latencies.length < sent && now() < deadline) await new Promise((r) => setTimeout(r, 50));
  measureFrom = Number.POSITIVE_INFINITY;
  const sorted = [...latencies].sort((a, b) => a - b);
  const published = [...publishMs].sort((a, b) => a - b);
  print({
    figure: 'e2e_latency',
    adapter: 'postgres',
    ratePerSec: RATE,
    consumers: 4,
    partitions: 8,
    seconds: LATENCY_SECONDS,
    sent,
    received: sorted.length,
    p50Ms: +percentile(sorted, 50).toFixed(1),
    p99Ms: +percentile(sorted, 99).toFixed(1),
    maxMs: +sorted[sorted.length - 1].toFixed(1),
    publishCalls: published.length,
    publishP50Ms: +percentile(published, 50).toFixed(1),
    publishP99Ms: +percentile(published, 99).toFixed(1),
  });
  await Promise.all(consumers.map((b) => b.close()));
  await publisher.close();
}

async function main() {
  // ESM helper shared with Jest's global setup (typed here: it is plain JavaScript).
  const server = await startPostgres({ tuning: ['-c', 'max_connections=200'] });
  print({ figure: 'environment', postgres: server.kind, node: process.version });
  try {
    const admin = new Pool({ connectionString: server.url, max: 1 });
    const db = `bus_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const url = Object.assign(new URL(server.url), { pathname: `/${db}` }).toString();
    await publishRate(url);
    // Each figure measures its own workload: the publish phase's 100k rows (and the checkpoint and
    // autovacuum they trigger) would otherwise land inside the latency window.
    const cleanup = new Pool({ connectionString: url, max: 1 });
    await cleanup.query('DROP SCHEMA bench_pub CASCADE');
    await cleanup.query('CHECKPOINT');
    await cleanup.end();
    await latency(url);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
