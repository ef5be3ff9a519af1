// `npm run bench:ledger [-- --accounts 100000] [--payments 100000]`: ledger figures on the embedded
// default, one JSON line each. 1. import N accounts from a generated CSV through the ledger's own
// import CLI (a child process: its time and peak RSS are the import's); 2. read model catch-up and
// the daily aging job as of the next day; 3. payments through handleCommand, 16 concurrent.
// Targets (issue 5): import 1M ≤ 120 s, peak RSS ≤ 512 MB; payments ≥ 2,000/s; aging 1M ≤ 60 s.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { handleCommand } from '@cartera/eventstore';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import { accountDecider } from '@cartera/ledger-domain';
import { startPostgres } from '@cartera/testing/postgres-server';
import { Pool } from 'pg';

const root = join(__dirname, '..', '..');
const print = (figure: string, values: Record<string, unknown>) =>
  console.log(JSON.stringify({ figure, ...values }));
const seconds = (from: number) => +((performance.now() - from) / 1000).toFixed(2);
const ZONES = ['America/Bogota', 'America/Mexico_City', 'America/Lima', 'Europe/Madrid', 'America/Santiago'];
const HEADER =
  'creditorId,creditorAccountRef,debtorReference,fullName,emails,phones,timeZone,currency,principalMinor,interestMinor,feesMinor,originatedOn,firstUnpaidDueDate,product,interestRateBps';

/** A placement file of n rows, written as a stream; due dates spread over two years so buckets vary. */
const writeCsv = async (file: string, n: number) => {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  const today = Date.now();
  for (let i = 0; i < n; i++) {
    const due = new Date(today - ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
    const line = `bench-bank-${i % 4},ACC-${i},DEB-${Math.floor(i / 2)},Debtor ${i},d${i}@example.com,+57300${String(i).padStart(7, '0')},${ZONES[i % ZONES.length]},COP,${100_000 + (i % 900_000)},${i % 5_000},${i % 3 === 0 ? 1500 : 0},2022-05-01,${due},card,${i % 3 === 0 ? 2499 : ''}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};

/** Runs one of the ledger's CLI entry points; resolves with its JSON output lines. */
const runLedgerCli = async (
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Record<string, unknown>[]> => {
  // Launched as tools/import-placements.ts launches the import (same V8 flags). BENCH_LEDGER_CLI_NODE_ARGS adds
  // node flags for a profile, e.g. "--cpu-prof --cpu-prof-dir=…".
  const extra = (process.env['BENCH_LEDGER_CLI_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [
      ...extra,
      '--max-semi-space-size=64',
      '-r',
      join(root, 'tools', 'register.cjs'),
      join(root, 'apps', 'ledger', 'src', 'cli', name),
      ...args,
    ],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${name} exited with ${code}: ${out}`);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
};

const main = async () => {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, payments: { type: 'string' } } });
  const accounts = Number(values.accounts ?? 1_000_000);
  const payments = Math.min(Number(values.payments ?? 100_000), accounts);
  const server = await startPostgres({ tuning: ['-c', 'max_connections=200'] });
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  const env = { DATABASE_URL: server.url };
  try {
    const file = join(dir, 'placements.csv');
    let t0 = performance.now();
    await writeCsv(file, accounts);
    print('generate_csv', { accounts, seconds: seconds(t0) });

    t0 = performance.now();
    const [summary] = await runLedgerCli(
      'import-placements.cli.ts',
      [file, '--quiet', '--parallel', '3'],
      env,
    );
    const importSeconds = seconds(t0);
    print('import', {
      accounts,
      placed: summary['rowsPlaced'],
      rejected: summary['rowsRejected'],
      seconds: importSeconds,
      rowsPerSec: Math.round(accounts / importSeconds),
      peakRssMb: summary['peakRssMb'],
      targetSeconds: (120 * accounts) / 1_000_000,
      targetPeakRssMb: 512,
    });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    for (const { figure: name, ...rest } of await runLedgerCli(
      'daily-jobs.cli.ts',
      ['--now', tomorrow, '--jobs', 'aging'],
      env,
    )) {
      print(String(name), {
        ...rest,
        ...(name === 'aging_job' ? { targetSeconds: (60 * accounts) / 1_000_000 } : {}),
      });
    }

    // Plain sessions, like the ledger's store connections (the store pins custom plans on its append function itself).
    const pool = new Pool({ connectionString: server.url, max: 20 });
    const store = await createPostgresEventStore({ pool, schema: 'ledger' });
    const { rows } = await pool.query<{ account_id: string }>(
      'SELECT account_id FROM ledger.accounts ORDER BY account_id LIMIT $1',
      [payments],
    );
    let next = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < rows.length) {
          const i = next++;
          await handleCommand(
            store,
            `account-${rows[i].account_id}`,
            accountDecider,
            {
              type: 'PostPayment',
              data: {
                paymentId: `bench-${i}`,
                amount: 2_500n,
                currency: 'COP',
                paidAt: new Date().toISOString(),
                channel: 'bank_transfer',
              },
            },
            { metadata: { actor: { kind: 'system', id: 'bench' } } },
          );
        }
      }),
    );
    const paySeconds = seconds(t0);
    print('payments', {
      payments: rows.length,
      concurrency: 16,
      seconds: paySeconds,
      perSec: Math.round(rows.length / paySeconds),
      targetPerSec: 2_000,
    });
    await store.close();
    await pool.end();
  } finally {
    await rm(dir, { recursive: true, force: true });
    await server.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
