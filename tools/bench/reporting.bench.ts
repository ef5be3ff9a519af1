// `npm run bench:reporting [-- --accounts 12500] [--rate 200] [--seconds 30] [--warmup 10] [--only rebuild]`: reporting figures on
// the embedded default, one JSON line each. The ledger and reporting run as their own processes
// (`apps/<service>/src/main.ts`, as `npm start` runs them; the ledger as an api and a worker process,
// LEDGER_ROLE) on one embedded PostgreSQL.
// 1. N synthetic ledger contract messages published on the bus; the live projections catch up
//    (their rate is printed), then each projection is rebuilt (target ≥ 20,000 events/s).
// 2. Payments posted through the ledger's HTTP API at a steady rate; latency until the payment is
//    visible in reporting's accounts table (target p99 < 500 ms at 200/s), measured after a
//    warm-up at the same rate (its figures printed too), and each process group's CPU per payment
//    over the measured window (`cpu_per_payment`, Linux).
// `--only rebuild` stops after step 1 (history, catch-up, rebuilds).
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { TOPICS } from '@cartera/contracts';
import type { OutgoingMessage } from '@cartera/messaging';
import { createPostgresBus } from '@cartera/messaging/postgres';
import { signDevToken } from '@cartera/platform';
import { freePort, startPostgres } from '@cartera/testing/postgres-server';
import { Pool } from 'pg';

const root = join(__dirname, '..', '..');
const print = (figure: string, values: Record<string, unknown>) =>
  console.log(JSON.stringify({ figure, ...values }));
const seconds = (from: number) => +((performance.now() - from) / 1000).toFixed(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `nodeArgs`: extra node flags for a profile, e.g. BENCH_LEDGER_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=…". */
const startService = (
  name: string,
  port: number,
  url: string,
  env: NodeJS.ProcessEnv = {},
  nodeArgs = '',
): ChildProcess =>
  spawn(
    process.execPath,
    [
      ...nodeArgs.split(' ').filter(Boolean),
      '-r',
      join(root, 'tools', 'register.cjs'),
      join(root, 'apps', name, 'src', 'main.ts'),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(port), DATABASE_URL: url, LOG_LEVEL: 'warn', ...env },
    },
  );

/**
 * CPU time (ms) per process of this machine, from /proc (Linux; empty elsewhere): where a payment's
 * CPU goes. Node processes are named by service (and LEDGER_ROLE), this one is the load generator,
 * PostgreSQL backends by their connection's application_name (`apps` from pg_stat_activity).
 */
const cpuByProcess = (): Map<string, { name: string; ms: number }> => {
  const out = new Map<string, { name: string; ms: number }>();
  if (!existsSync('/proc/self/stat')) return out;
  const ticksMs = 10; // USER_HZ is 100 on Linux
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * ticksMs;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      let name: string;
      if (Number(pid) === process.pid) name = 'load generator (this process)';
      else if (/^postgres/.test(cmd))
        name = /\[local\]|\(\d+\)/.test(cmd)
          ? 'postgres backend'
          : `postgres ${cmd
              .replace(/^postgres:\s*/, '')
              .trim()
              .split(' ')
              .slice(0, 2)
              .join(' ')}`;
      else {
        const service = /apps\/([\w-]+)\/src\/main/.exec(cmd)?.[1];
        if (!service) continue;
        const role = /(?:^|\0)LEDGER_ROLE=(\w+)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
        name = `node ${service}${role ? ` (${role})` : ''}`;
      }
      out.set(pid, { name, ms });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
};

/** Each process group's CPU ms per payment between two `cpuByProcess` snapshots. */
const cpuPerPayment = (
  before: ReturnType<typeof cpuByProcess>,
  after: ReturnType<typeof cpuByProcess>,
  backends: Map<string, string>,
  payments: number,
) => {
  const groups = new Map<string, number>();
  for (const [pid, { name, ms }] of after) {
    const label =
      name === 'postgres backend' ? `postgres backend: ${backends.get(pid) || '(unnamed)'}` : name;
    groups.set(label, (groups.get(label) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  }
  const rows = [...groups].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows.map(([label, ms]) => [label, +(ms / payments).toFixed(2)]));
};

const waitReady = async (port: number) => {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`http://localhost:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`service on ${port} not ready`);
};

/** One synthetic account's life as the ledger publishes it: placed, aged, three payments with their balance. */
const accountMessages = (i: number): OutgoingMessage[] => {
  const base = {
    accountId: randomUUID(),
    debtorId: randomUUID(),
    creditorId: `bench-bank-${i % 4}`,
    currency: 'COP',
  };
  const at = (day: number, h = 12) => new Date(Date.UTC(2026, 0, 1 + day, h)).toISOString();
  const m = (type: string, occurredAt: string, payload: object): OutgoingMessage => ({
    key: base.debtorId,
    messageId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt,
    payload: { ...base, ...payload },
  });
  const money = (p: number) => ({ principal: String(p), interest: '0', fees: '0' });
  let balance = 100_000 + (i % 50_000);
  const out = [
    m('AccountPlaced', at(0), {
      creditorAccountRef: `ACC-${i}`,
      debtor: {
        reference: `DEB-${i}`,
        fullName: `Debtor ${i}`,
        emails: [],
        phones: [],
        timeZone: 'America/Bogota',
      },
      balance: money(balance),
      product: 'card',
      originatedOn: '2024-01-15',
      firstUnpaidDueDate: '2025-11-01',
      placedAt: at(0),
      status: 'active',
    }),
    m('DelinquencyBucketChanged', at(1, 1), {
      from: null,
      to: ['1-30', '31-60', '61-90'][i % 3],
      dpd: 30 + (i % 60),
      asOf: at(1).slice(0, 10),
    }),
  ];
  for (let p = 0; p < 3; p++) {
    const day = 2 + ((i + p * 7) % 60);
    balance -= 1_000;
    out.push(
      m('PaymentPosted', at(day, 13), {
        paymentId: `pay-${i}-${p}`,
        amountMinor: '1000',
        channel: p % 2 ? 'card' : 'bank_transfer',
        paidAt: at(day, 13),
        paidOn: at(day).slice(0, 10),
        allocation: money(1_000),
        toCreditMinor: '0',
      }),
      m('BalanceChanged', at(day, 14), {
        cause: 'PaymentPosted',
        balance: money(balance),
        totalMinor: String(balance),
        creditBalanceMinor: '0',
        delta: money(-1_000),
        changedAt: at(day, 14),
      }),
    );
  }
  return out;
};

/**
 * Sends one payment every 1/rate s (open loop: on schedule, whatever the answers) to accounts in
 * turn, and records when reporting's accounts row shows it (total_paid reached), polling the
 * table behind GET /accounts/:id every 10 ms for the pending accounts.
 */
const measureVisibility = async (
  pool: Pool,
  accountIds: string[],
  rate: number,
  duration: number,
  send: (id: string, n: number) => Promise<string>,
) => {
  const before = new Map(
    (
      await pool.query<{ account_id: string; total_paid: string }>(
        `SELECT account_id, total_paid::text FROM reporting.accounts WHERE account_id = ANY($1::uuid[])`,
        [accountIds],
      )
    ).rows.map((r) => [r.account_id, BigInt(r.total_paid)]),
  );
  const expected = new Map<string, bigint>();
  const pending = new Map<string, { sentAt: number; total: bigint }[]>();
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let sent = 0;
  const post = async (n: number) => {
    const id = accountIds[n % accountIds.length];
    const total = (expected.get(id) ?? before.get(id) ?? 0n) + 100n;
    expected.set(id, total);
    const entry = { sentAt: performance.now(), total };
    pending.set(id, [...(pending.get(id) ?? []), entry]);
    const outcome = await send(id, n);
    if (outcome !== 'ok') {
      failures[outcome] = (failures[outcome] ?? 0) + 1;
      pending.set(
        id,
        (pending.get(id) ?? []).filter((e) => e !== entry),
      ); // never posted: nothing to see
    }
  };
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const open = [...pending.keys()];
      if (open.length) {
        const { rows } = await pool.query<{ account_id: string; total_paid: string }>(
          `SELECT account_id, total_paid::text FROM reporting.accounts WHERE account_id = ANY($1::uuid[])`,
          [open],
        );
        const now = performance.now();
        for (const r of rows) {
          const left = (pending.get(r.account_id) ?? []).filter((e) => {
            if (BigInt(r.total_paid) < e.total) return true;
            latencies.push(now - e.sentAt);
            return false;
          });
          if (left.length) pending.set(r.account_id, left);
          else pending.delete(r.account_id);
        }
      }
      await sleep(10);
    }
  })();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  while (performance.now() - started < duration * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) inFlight.push(post(sent++));
    await sleep(2);
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 60_000;
  while (pending.size > 0 && performance.now() < deadline) await sleep(50);
  const invisible = [...pending.values()].reduce((n, l) => n + l.length, 0);
  watching = false;
  await watcher;
  latencies.sort((a, b) => a - b);
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    expected,
    figures: {
      ratePerSec: rate,
      seconds: duration,
      payments: sent,
      failed,
      failures,
      visible: latencies.length,
      notVisibleAfter60s: invisible,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      maxMs: Math.round(latencies[latencies.length - 1] ?? NaN),
    },
  };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      'latency-accounts': { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
    },
  });
  if (values.only !== undefined && values.only !== 'rebuild')
    throw new Error(`--only: 'rebuild' is the one phase that runs alone`);
  const accounts = Number(values.accounts ?? 12_500);
  const rate = Number(values.rate ?? 200);
  const duration = Number(values.seconds ?? 30);
  const latencyAccounts = Number(values['latency-accounts'] ?? 2_000);
  const warmup = Number(values.warmup ?? 10);
  const server = await startPostgres({ tuning: ['-c', 'max_connections=300'] });
  const [reportingPort, ledgerPort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const pool = new Pool({ connectionString: server.url, max: 4 });
  const admin = `Bearer ${await signDevToken({ roles: ['admin'] })}`;
  const reportingGet = (path: string) =>
    fetch(`http://localhost:${reportingPort}${path}`, { headers: { Authorization: admin } }).then((r) =>
      r.json(),
    );
  try {
    children.push(
      startService('reporting', reportingPort, server.url, {}, process.env.BENCH_REPORTING_NODE_ARGS),
    );
    await waitReady(reportingPort);

    // 1. History on the bus, live catch-up, rebuilds.
    const bus = createPostgresBus({ connectionString: server.url, source: 'cartera/ledger' });
    const t0 = performance.now();
    let published = 0;
    for (let from = 0; from < accounts; from += 125) {
      const batch = Array.from({ length: Math.min(125, accounts - from) }, (_, k) =>
        accountMessages(from + k),
      ).flat();
      await bus.publish(TOPICS.ledger, batch);
      published += batch.length;
    }
    await bus.close();
    print('publish_history', { messages: published, seconds: seconds(t0) });
    const lagOf = async () =>
      ((await reportingGet('/admin/projections')) as { lag: number }[]).reduce((n, p) => n + p.lag, 0);
    while ((await lagOf()) > 0) await sleep(250);
    const liveSeconds = seconds(t0);
    print('live_projection_catch_up', {
      messages: published,
      projections: 2,
      seconds: liveSeconds,
      messagesPerSecPerProjection: Math.round(published / liveSeconds),
    });
    for (const name of ['portfolio', 'debtor_timeline']) {
      const res = (await fetch(
        `http://localhost:${reportingPort}/admin/projections/${name}/rebuild?wait=true`,
        { method: 'POST', headers: { Authorization: admin } },
      ).then((r) => r.json())) as {
        state: string;
        result?: { events: number; seconds: number; eventsPerSecond: number; analyzeSeconds: number };
        error?: string;
      };
      if (res.state !== 'done' || !res.result)
        throw new Error(`rebuild of ${name}: ${res.error ?? res.state}`);
      print('rebuild', {
        projection: name,
        events: res.result.events,
        seconds: res.result.seconds,
        eventsPerSec: res.result.eventsPerSecond,
        targetEventsPerSec: 20_000,
        analyzeSecondsAfterSwap: res.result.analyzeSeconds,
      });
    }
    if (values.only === 'rebuild') return;

    // 2a. Consumer side alone: PaymentPosted + BalanceChanged published on the bus at the same rate.
    const synthetic = (
      await pool.query<{ account_id: string; debtor_id: string; creditor_id: string; balance: string }>(
        `SELECT account_id, debtor_id, creditor_id, balance::text FROM reporting.accounts WHERE creditor_id LIKE 'bench-bank-%' ORDER BY account_id LIMIT 2000`,
      )
    ).rows;
    const byId = new Map(synthetic.map((a) => [a.account_id, { ...a, balance: BigInt(a.balance) }]));
    const consumerBus = createPostgresBus({ connectionString: server.url, source: 'cartera/ledger' });
    const direct = await measureVisibility(pool, [...byId.keys()], rate, duration, async (id, n) => {
      const a = byId.get(id);
      if (!a) return 'unknown';
      a.balance -= 100n;
      const base = { accountId: id, debtorId: a.debtor_id, creditorId: a.creditor_id, currency: 'COP' };
      const now = new Date().toISOString();
      const money = (p: bigint) => ({ principal: p.toString(), interest: '0', fees: '0' });
      await consumerBus.publish(TOPICS.ledger, [
        {
          key: a.debtor_id,
          messageId: randomUUID(),
          type: 'PaymentPosted',
          schemaVersion: 1,
          occurredAt: now,
          payload: {
            ...base,
            paymentId: `direct-${n}`,
            amountMinor: '100',
            channel: 'portal',
            paidAt: now,
            paidOn: now.slice(0, 10),
            allocation: money(100n),
            toCreditMinor: '0',
          },
        },
        {
          key: a.debtor_id,
          messageId: randomUUID(),
          type: 'BalanceChanged',
          schemaVersion: 1,
          occurredAt: now,
          payload: {
            ...base,
            cause: 'PaymentPosted',
            balance: money(a.balance),
            totalMinor: a.balance.toString(),
            creditBalanceMinor: '0',
            delta: money(-100n),
            changedAt: now,
          },
        },
      ]);
      return 'ok';
    });
    await consumerBus.close();
    print('bus_to_reporting_latency', {
      path: 'CONSUMER SIDE ONLY: PaymentPosted + BalanceChanged published on the bus → row visible in reporting.accounts (polled every 10 ms); ledger not running',
      ...direct.figures,
    });

    // 2b. Payment posted in the ledger → visible in reporting. The ledger runs as it is deployed
    // under load: an api process (commands) beside a worker process (read model, publisher, jobs),
    // so commands do not queue behind the background work on one thread (LEDGER_ROLE).
    const ledgerWorkerPort = await freePort();
    children.push(startService('ledger', ledgerWorkerPort, server.url, { LEDGER_ROLE: 'worker' }));
    await waitReady(ledgerWorkerPort);
    children.push(
      startService(
        'ledger',
        ledgerPort,
        server.url,
        { LEDGER_ROLE: 'api' },
        process.env.BENCH_LEDGER_API_NODE_ARGS,
      ),
    );
    await waitReady(ledgerPort);
    const supervisor = `Bearer ${await signDevToken({ roles: ['supervisor'] })}`;
    const csv = [
      'creditorId,creditorAccountRef,debtorReference,fullName,emails,phones,timeZone,currency,principalMinor,interestMinor,feesMinor,originatedOn,firstUnpaidDueDate,product',
      ...Array.from(
        { length: latencyAccounts },
        (_, i) =>
          `lat-bank,LAT-${i},LD-${i},Debtor ${i},d${i}@example.com,,America/Bogota,COP,${10_000_000 + i},0,0,2024-01-15,2026-01-01,card`,
      ),
    ].join('\n');
    const placed = await fetch(`http://localhost:${ledgerPort}/placements`, {
      method: 'POST',
      headers: { Authorization: supervisor, 'Content-Type': 'text/csv' },
      body: csv,
    });
    if (!placed.ok) throw new Error(`placement failed: ${placed.status} ${await placed.text()}`);
    const ids = async () =>
      (
        await pool.query<{ account_id: string }>(
          `SELECT account_id FROM reporting.accounts WHERE creditor_id = 'lat-bank' ORDER BY account_id`,
        )
      ).rows.map((r) => r.account_id);
    while ((await ids()).length < latencyAccounts) await sleep(200);
    while ((await lagOf()) > 0) await sleep(100);
    const accountIds = await ids();

    const agent = `Bearer ${await signDevToken({ roles: ['agent'] })}`;
    // Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under a request.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
    /** One payment through the ledger's HTTP API (node:http on kept-alive sockets: the load generator shares the 2 cores, and fetch costs it several times more CPU per request). */
    let retried = 0;
    const postOnce = (id: string, paymentId: string, fresh = false) =>
      new Promise<number | string>((resolve) => {
        const body = JSON.stringify({
          paymentId,
          amountMinor: '100',
          currency: 'COP',
          paidAt: new Date().toISOString(),
          channel: 'portal',
        });
        const req = request(
          {
            host: 'localhost',
            port: ledgerPort,
            path: `/accounts/${id}/payments`,
            method: 'POST',
            agent: fresh ? false : keepAlive,
            headers: {
              Authorization: agent,
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 'no status'));
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'network'));
        req.end(body);
      });
    // A kept-alive socket the server closes as it is reused fails the request: the client retries,
    // as any would, on a new connection with the same paymentId (a repeat is a no-op, never posted twice).
    /** 'ok' for a payment posted (201) or a repeat of one (200); else the status or network error. */
    const outcomeOf = (status: number | string) => (status === 201 || status === 200 ? 'ok' : String(status));
    const postPayment = async (id: string, paymentId: string) => {
      const outcome = await postOnce(id, paymentId);
      if (typeof outcome === 'number') return outcome;
      retried++;
      return postOnce(id, paymentId, true);
    };
    // Warm-up at the same rate (its own payment ids), printed but not part of the figure: a
    // just-started process compiles its hot paths and opens its pool's connections under load.
    // The load generator stands in for clients on other machines: below the services' priority, it
    // takes the CPU they leave (services started before keep theirs; nothing is started after this).
    setPriority(10);
    if (warmup > 0) {
      const warm = await measureVisibility(pool, accountIds, rate, warmup, async (id, n) => {
        return outcomeOf(await postPayment(id, `warm-${n}`));
      });
      print('warmup', {
        path: 'the same load before the measured window (JIT, connection pools)',
        ...warm.figures,
      });
    }
    const cpuBefore = cpuByProcess();
    const sentAtWall = new Map<string, number>();
    const answered: { sent: number; ms: number }[] = [];
    const viaLedger = await measureVisibility(pool, accountIds, rate, duration, async (id, n) => {
      const sent = Date.now();
      sentAtWall.set(`lat-${n}`, sent);
      const status = await postPayment(id, `lat-${n}`);
      if (typeof status === 'number') answered.push({ sent, ms: Date.now() - sent });
      return outcomeOf(status);
    });
    const cpuAfter = cpuByProcess();
    const backends = new Map(
      (
        await pool.query<{ pid: string; app: string }>(
          `SELECT pid::text, application_name AS app FROM pg_stat_activity`,
        )
      ).rows.map((r) => [r.pid, r.app]),
    );
    if (cpuAfter.size > 0)
      print('cpu_per_payment', {
        path: 'CPU ms per payment of each process group during the measured window (/proc)',
        msPerPayment: cpuPerPayment(cpuBefore, cpuAfter, backends, viaLedger.figures.payments),
      });
    const answeredMs = answered.map((a) => a.ms);
    // The slowest answer per second of the window: whether slow answers are spread or bunched (a pause).
    const firstSent = Math.min(...answered.map((a) => a.sent));
    const slowestPerSecond: number[] = [];
    for (const a of answered) {
      const k = Math.floor((a.sent - firstSent) / 1000);
      slowestPerSecond[k] = Math.max(slowestPerSecond[k] ?? 0, a.ms);
    }
    answeredMs.sort((a, b) => a - b);
    print('ledger_post_latency', {
      path: 'POST ledger /accounts/:id/payments → HTTP answer (the command: validation, auth, append)',
      answered: answeredMs.length,
      p50Ms: Math.round(percentile(answeredMs, 50)),
      p99Ms: Math.round(percentile(answeredMs, 99)),
      slowestPerSecondMs: slowestPerSecond,
      retriedAfterNetworkError: retried,
    });
    // Where the time goes: ledger request → its PaymentPosted committed on the bus (the ledger's publisher).
    const onBus = (
      await pool.query<{ id: string; ms: string }>(
        `SELECT payload->>'paymentId' AS id, (extract(epoch FROM published_at) * 1000)::bigint::text AS ms FROM bus.messages
       WHERE topic = $1 AND headers->>'ce_type' = 'PaymentPosted' AND payload->>'creditorId' = 'lat-bank'`,
        [TOPICS.ledger],
      )
    ).rows
      .map((r) => Number(r.ms) - (sentAtWall.get(r.id) ?? Number.NaN))
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    print('payment_to_bus_latency', {
      path: 'POST ledger /accounts/:id/payments → PaymentPosted committed on the bus (ledger side of the figure below)',
      payments: onBus.length,
      p50Ms: Math.round(percentile(onBus, 50)),
      p99Ms: Math.round(percentile(onBus, 99)),
      maxMs: Math.round(onBus[onBus.length - 1] ?? NaN),
    });
    const sample = (await reportingGet(`/accounts/${accountIds[0]}`)) as { totalPaidMinor: string };
    print('payment_to_reporting_latency', {
      path: 'POST ledger /accounts/:id/payments → row visible in reporting.accounts (the table GET /accounts/:id reads; polled every 10 ms)',
      ...viaLedger.figures,
      targetP99Ms: 500,
      httpCheck: sample.totalPaidMinor === String(viaLedger.expected.get(accountIds[0]) ?? 0n),
    });
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(undefined) : c.once('exit', r)))),
    );
    await pool.end();
    await server.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
