// `npm run bench:cases [-- --cases 20000] [--queries 500]`: case-management figures on the embedded
// default, one JSON line each. The service runs as its own process (`apps/case-management/src/main.ts`,
// as `npm start` runs it) on one embedded PostgreSQL; ledger contract messages are published on its bus.
// 1. N placements (a third of them aged) consumed into N open cases and projected (cases/s).
// 2. The cases distributed through bulk reassignment (10,000 to one agent, the rest to 20 others),
//    then those 10,000 reassigned to another agent in one request (seconds).
// 3. Worklist queries over HTTP for that agent (10,000 open cases) and for the others, with and
//    without filters: p50/p95/p99 latency.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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

const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '20000' }, queries: { type: 'string', default: '500' } },
});
const CASES = Number(args.cases);
const QUERIES = Number(args.queries);
const AGENTS = 20;

/** One debtor's placement (and, for a third, its aging) as the ledger publishes it. */
const placementMessages = (i: number): OutgoingMessage[] => {
  const base = {
    accountId: randomUUID(),
    debtorId: randomUUID(),
    creditorId: `bench-bank-${i % 4}`,
    currency: 'COP',
  };
  const at = new Date(Date.UTC(2026, 10, 2, 12)).toISOString();
  const m = (type: string, payload: object): OutgoingMessage => ({
    key: base.debtorId,
    messageId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: at,
    payload: { ...base, ...payload },
  });
  const placed = m('AccountPlaced', {
    creditorAccountRef: `ACC-${i}`,
    debtor: {
      reference: `DEB-${i}`,
      fullName: `Debtor ${i}`,
      emails: [],
      phones: [],
      timeZone: 'America/Bogota',
    },
    balance: { principal: String(10_000 + ((i * 7919) % 5_000_000)), interest: '0', fees: '0' },
    product: 'card',
    originatedOn: '2024-01-15',
    firstUnpaidDueDate: '2026-05-01',
    placedAt: at,
    status: 'active',
  });
  if (i % 3 !== 0) return [placed];
  const dpd = 20 + (i % 200);
  const bucket = dpd > 120 ? '121+' : dpd > 90 ? '91-120' : dpd > 60 ? '61-90' : dpd > 30 ? '31-60' : '1-30';
  return [placed, m('DelinquencyBucketChanged', { from: null, to: bucket, dpd, asOf: '2026-11-20' })];
};

const startService = (port: number, url: string): ChildProcess =>
  spawn(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'apps/case-management/src/main.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(port), DATABASE_URL: url, LOG_LEVEL: 'warn' },
    },
  );

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 600_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

const main = async () => {
  const server = await startPostgres({ tuning: ['-c', 'max_connections=200'] });
  const port = await freePort();
  const pool = new Pool({ connectionString: server.url, max: 4 });
  const bus = createPostgresBus({ connectionString: server.url, source: 'cartera/ledger' });
  const child = startService(port, server.url);
  const token = `Bearer ${await signDevToken({ roles: ['supervisor'], sub: 'bench-supervisor' })}`;
  const http = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://localhost:${port}${path}`, {
      method,
      headers: { Authorization: token, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const count = async (where: string, params: unknown[] = []) =>
    Number(
      (await pool.query(`SELECT count(*) AS n FROM case_management.cases WHERE ${where}`, params)).rows[0].n,
    );
  try {
    await waitFor('the service', () =>
      fetch(`http://localhost:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ),
    );
    print('size', { cases: CASES, agents: AGENTS, queries: QUERIES });

    const opening = performance.now();
    for (let i = 0; i < CASES; i += 1_000)
      await bus.publish(
        TOPICS.ledger,
        Array.from({ length: Math.min(1_000, CASES - i) }, (_, k) => placementMessages(i + k)).flat(),
      );
    await waitFor('cases projected', async () => (await count('true')) >= CASES);
    print('open_cases', {
      cases: CASES,
      seconds: seconds(opening),
      per_second: Math.round(CASES / seconds(opening)),
    });

    // The first 10,000 cases go to agent-10k (requests of 1,000 ids), the rest are shared by the others.
    const ids = (
      await pool.query<{ case_id: string }>('SELECT case_id FROM case_management.cases ORDER BY case_id')
    ).rows.map((r) => r.case_id);
    const big = Math.min(10_000, ids.length);
    const distributing = performance.now();
    for (let i = 0; i < ids.length; i += 1_000) {
      const agent = i < big ? 'agent-10k' : `agent-${(i / 1_000) % AGENTS}`;
      const caseIds = ids.slice(i, i + 1_000);
      await http('POST', '/supervisor/reassignments', {
        caseIds,
        toAgentId: agent,
        toTeamId: `team-${agent}`,
      });
    }
    await waitFor('assignment projected', async () => (await count('agent_id = $1', ['agent-10k'])) >= big);
    const requests = Math.ceil(ids.length / 1_000);
    print('distribute', { cases: ids.length, requests, seconds: seconds(distributing) });

    const reassigning = performance.now();
    const outcome = await http('POST', '/supervisor/reassignments', {
      fromAgentId: 'agent-10k',
      toAgentId: 'agent-big',
      toTeamId: 'team-big',
    });
    print('reassign_10k', { cases: big, requests: 1, seconds: seconds(reassigning), outcome });
    await waitFor('reassignment projected', async () => (await count('agent_id = $1', ['agent-big'])) >= big);

    const paths = [
      '/worklists/agents/agent-big?limit=50',
      '/worklists/agents/agent-big?limit=50&bucket=91-120',
      `/worklists/agents/agent-${AGENTS - 1}?limit=50&creditorId=bench-bank-1`,
      '/worklists/teams/team-big?limit=50&status=new',
    ];
    for (let i = 0; i < 20; i++) await http('GET', paths[i % paths.length]);
    const latencies: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const from = performance.now();
      await http('GET', paths[i % paths.length]);
      latencies.push(performance.now() - from);
    }
    latencies.sort((a, b) => a - b);
    const ms = (p: number) => +percentile(latencies, p).toFixed(2);
    print('worklist_query', {
      open_cases: CASES,
      agent_cases: big,
      queries: QUERIES,
      p50_ms: ms(50),
      p95_ms: ms(95),
      p99_ms: ms(99),
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await bus.close();
    await pool.end();
    await server.stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
