import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { collect, ping } from '../testing';
import { eventually, useTestDatabase } from '@cartera/testing';
import { register } from 'prom-client';
import { partitionFor } from '../partitioner';
import { createPostgresBus, type PostgresBus } from './postgres-bus';

// Fault tests of the PostgreSQL adapter; dead-letter and invalid-payload paths are in the contract suite.
const db = useTestDatabase('busfault');
const root = join(__dirname, '..', '..', '..', '..');
const fixture = join(__dirname, '..', 'testing', 'fixtures', 'consumer-process.fixture.ts');
const LEASE_MS = 1_000;

/** Keys that land on distinct partitions of an N-partition topic. */
const keysOnDistinctPartitions = (count: number, partitions: number): string[] => {
  const byPartition = new Map<number, string>();
  for (let i = 0; byPartition.size < count; i++) {
    const key = `debtor-${i}`;
    if (!byPartition.has(partitionFor(key, partitions))) byPartition.set(partitionFor(key, partitions), key);
  }
  return [...byPartition.values()];
};

const startMember = (env: Record<string, string>): Promise<{ child: ChildProcess; member: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/register.cjs', fixture], {
      cwd: root,
      env: { ...process.env, BUS_DB_URL: db().url, BUS_LEASE_MS: String(LEASE_MS), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready) resolve({ child, member: ready[1] });
    });
    child.on('exit', (code) => reject(new Error(`member exited early (${code})`)));
  });

const kill = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('PostgreSQL bus: faults', () => {
  let bus: PostgresBus;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    // One partition at a time: a failing partition's retries must not hold the others' turn.
    bus = createPostgresBus({
      pool: db().pool,
      leaseMs: LEASE_MS,
      pollIntervalMs: 100,
      partitionsConsumedConcurrently: 1,
    });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await bus.close();
  });

  const appliedTable = async (): Promise<string> => {
    const table = `applied_${randomUUID().slice(0, 8)}`;
    await db().pool.query(
      `CREATE TABLE ${table} (id bigserial PRIMARY KEY, message_id text NOT NULL, key text NOT NULL, seq int NOT NULL, pid int NOT NULL)`,
    );
    return table;
  };
  const countApplied = async (table: string) =>
    (
      await db().pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT message_id)::int AS distinct FROM ${table}`,
      )
    ).rows[0] as { n: number; distinct: number };

  it('policy block stops only the failing partition, reports it, and resumes in order once fixed', async () => {
    const topic = `faults.block.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([{ name: topic, partitions: 4 }]);
    const [stuck, flowing] = keysOnDistinctPartitions(2, 4) as [string, string];
    let broken = true;
    const c = collect(bus, {
      topics: [topic],
      group: 'ledger-projection',
      policy: { kind: 'block', maxAttempts: 2, backoff: { initialMs: 10, maxMs: 50 } },
      handle: async (m) => {
        if (broken && m.key === stuck && (m.payload as { seq: number }).seq === 1)
          throw new Error('account not found');
      },
    });
    await c.consumer.started;
    await bus.publish(
      topic,
      [0, 1, 2, 3].flatMap((seq) => [ping(stuck, seq), ping(flowing, seq)]),
    );
    const health = await eventually(async () => {
      const h = await c.consumer.health();
      return h.blocked.length === 1 && h;
    });
    // Published once the other partition is blocked (still retrying): it must get a turn.
    await bus.publish(topic, [ping(flowing, 4)]);

    const seqs = (key: string) =>
      c.received.filter((r) => r.message.key === key).map((r) => (r.message.payload as { seq: number }).seq);
    await eventually(() => seqs(flowing).length === 5);
    expect(seqs(stuck)).toEqual([0]);
    expect(health.status).toBe('degraded');
    expect(health.blocked[0]).toMatchObject({
      topic,
      partition: partitionFor(stuck, 4),
      offset: '1',
      type: 'BusTestPing',
    });
    expect(health.blocked[0].error).toMatch(/account not found/);
    expect(health.lag.find((l) => l.partition === partitionFor(stuck, 4))?.lag).toBe(3);
    expect(await register.getSingleMetricAsString('cartera_bus_blocked_partitions')).toContain(
      `cartera_bus_blocked_partitions{group="ledger-projection",topic="${topic}",partition="${partitionFor(stuck, 4)}"} 1`,
    );

    broken = false;
    await eventually(() => seqs(stuck).length === 4);
    expect(seqs(stuck)).toEqual([0, 1, 2, 3]);
    const after = await c.consumer.health();
    expect(after).toMatchObject({ status: 'up', blocked: [] });
    await c.consumer.stop();
  });

  it('a database connection lost during delivery spends no attempt: a healthy message never reaches the dead-letter topic', async () => {
    const topic = `faults.outage.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const table = await appliedTable();
    let cuts = 0;
    const calls: number[] = [];
    const c = collect(bus, {
      topics: [topic],
      group: 'outage-projection',
      policy: { kind: 'dead-letter', maxAttempts: 2, backoff: { initialMs: 10, maxMs: 40 } },
      handle: async (m, ctx) => {
        const seq = (m.payload as { seq: number }).seq;
        calls.push(seq);
        await ctx.client.query(
          `INSERT INTO ${table} (message_id, key, seq, pid) VALUES ($1, $2, $3, pg_backend_pid())`,
          [m.messageId, m.key, seq],
        );
        // The first four deliveries of seq 1 lose their backend mid-transaction (57P01): twice maxAttempts.
        if (seq === 1 && cuts < 4) {
          cuts++;
          await ctx.client.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
      },
    });
    const dlq = collect(bus, {
      topics: [`${topic}.dlq`],
      group: `outage-dlq-${randomUUID().slice(0, 8)}`,
      validate: false,
    });
    await Promise.all([c.consumer.started, dlq.consumer.started]);
    await bus.publish(
      topic,
      [0, 1, 2].map((seq) => ping('debtor-outage', seq)),
    );

    await eventually(async () => (await countApplied(table)).n === 3);
    expect(cuts).toBe(4);
    expect(calls.filter((s) => s === 1).length).toBeGreaterThanOrEqual(5);
    // Each message applied exactly once, in order; the rolled-back attempts left nothing.
    expect((await db().pool.query(`SELECT seq FROM ${table} ORDER BY id`)).rows.map((r) => r.seq)).toEqual([
      0, 1, 2,
    ]);
    expect(dlq.received).toHaveLength(0);
    expect(await register.getSingleMetricAsString('cartera_bus_store_unavailable_total')).toMatch(
      /group="outage-projection"[^\n]*} 4$/m,
    );
    await Promise.all([c.consumer.stop(), dlq.consumer.stop()]);
  });

  it('a consumer killed with SIGKILL mid-batch and restarted applies every message exactly once, in key order', async () => {
    const topic = `faults.kill.${randomUUID().slice(0, 8)}`;
    const group = 'kill-test';
    const table = await appliedTable();
    await bus.ensureTopics([{ name: topic, partitions: 8 }]);
    const messages = Array.from({ length: 240 }, (_, i) => ping(`debtor-${i % 24}`, Math.floor(i / 24)));
    await bus.publish(topic, messages);

    const first = await startMember({
      BUS_TOPIC: topic,
      BUS_GROUP: group,
      BUS_TABLE: table,
      BUS_DELAY_MS: '5',
    });
    children.push(first.child);
    await eventually(async () => (await countApplied(table)).n >= 40, { timeoutMs: 20_000 });
    await kill(first.child);
    const atKill = await countApplied(table);
    expect(atKill.n).toBeLessThan(messages.length);

    const second = await startMember({
      BUS_TOPIC: topic,
      BUS_GROUP: group,
      BUS_TABLE: table,
      BUS_DELAY_MS: '0',
    });
    children.push(second.child);
    await eventually(async () => (await countApplied(table)).n >= messages.length, { timeoutMs: 20_000 });
    await eventually(async () => {
      const { rows } = await db().pool.query(
        `SELECT sum(next_offset)::int AS n FROM bus.group_offsets WHERE "group" = $1 AND topic = $2`,
        [group, topic],
      );
      return rows[0].n === messages.length;
    });
    expect(await countApplied(table)).toEqual({ n: messages.length, distinct: messages.length });
    const { rows } = await db().pool.query(
      `SELECT key, array_agg(seq ORDER BY id) AS seqs FROM ${table} GROUP BY key`,
    );
    for (const r of rows) expect(r.seqs).toEqual([...Array(10).keys()]);
    await kill(second.child);
  });

  it('two members split the partitions; the survivor takes over a dead member’s partitions after its lease', async () => {
    const topic = `faults.lease.${randomUUID().slice(0, 8)}`;
    const group = 'lease-test';
    const table = await appliedTable();
    await bus.ensureTopics([{ name: topic, partitions: 8 }]);
    const other = await startMember({ BUS_TOPIC: topic, BUS_GROUP: group, BUS_TABLE: table });
    children.push(other.child);
    const local = collect(bus, {
      topics: [topic],
      group,
      validate: false,
      handle: async (m, ctx) =>
        void (await ctx.client.query(
          `INSERT INTO ${table} (message_id, key, seq, pid) VALUES ($1, $2, $3, $4)`,
          [m.messageId, m.key, (m.payload as { seq: number }).seq, process.pid],
        )),
    });
    await local.consumer.started;
    const owners = async () =>
      (
        await db().pool.query(
          `SELECT owner, count(*)::int AS n FROM bus.partition_leases WHERE "group" = $1 GROUP BY owner ORDER BY owner`,
          [group],
        )
      ).rows as { owner: string; n: number }[];
    await eventually(async () => {
      const o = await owners();
      return o.length === 2 && o.every((x) => x.n === 4);
    });
    // The lease rows change first; the member's own view follows on its next rebalance tick.
    await eventually(async () => (await local.consumer.health()).owned.length === 4, {
      what: 'the local member working its 4 partitions',
    });

    const batch1 = Array.from({ length: 40 }, (_, i) => ping(`debtor-${i}`, 0));
    await bus.publish(topic, batch1);
    await eventually(async () => (await countApplied(table)).n === 40);
    const { rows: byPid } = await db().pool.query(`SELECT DISTINCT pid FROM ${table}`);
    expect(byPid).toHaveLength(2); // both members did work

    const killedAt = Date.now();
    await kill(other.child);
    await eventually(async () => (await local.consumer.health()).owned.length === 8, { timeoutMs: 10_000 });
    console.log(`handover after SIGKILL: ${Date.now() - killedAt} ms (lease ${LEASE_MS} ms)`);
    const batch2 = Array.from({ length: 40 }, (_, i) => ping(`debtor-${i}`, 1));
    await bus.publish(topic, batch2);
    await eventually(async () => (await countApplied(table)).n === 80);
    expect(await countApplied(table)).toEqual({ n: 80, distinct: 80 });
    await local.consumer.stop();
  });

  it('cleans up messages past their topic’s retention and keeps topics without one', async () => {
    const short = `faults.retention.${randomUUID().slice(0, 8)}`;
    const forever = `faults.forever.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([
      { name: short, partitions: 2, retentionMs: 1 },
      { name: forever, partitions: 2 },
    ]);
    await bus.publish(short, [ping('d1', 0), ping('d2', 1)]);
    await bus.publish(forever, [ping('d1', 0)]);
    await eventually(async () => (await bus.cleanUp()).messages === 2 || undefined, { intervalMs: 50 });
    const { rows } = await db().pool.query(
      `SELECT topic, count(*)::int AS n FROM bus.messages WHERE topic = ANY($1) GROUP BY topic`,
      [[short, forever]],
    );
    expect(rows).toEqual([{ topic: forever, n: 1 }]);
  });
});
