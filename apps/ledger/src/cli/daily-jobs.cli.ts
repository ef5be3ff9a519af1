// `… apps/ledger/src/cli/daily-jobs.cli.ts [--now <instant>] [--jobs aging,interest] [--wait <seconds>]`
// (DATABASE_URL): brings the read model up to date, then runs the daily jobs once, as of `--now`
// (default now). Prints one JSON line per figure. Used by the benchmark and for a manual catch-up run.
// A running ledger service holds the read model's projection: the command says so and gives up
// after `--wait` seconds (default 30) rather than waiting silently.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import { Pool } from 'pg';
import { startAccountSummary } from '../accounts/account-summary.table';
import { AccountsCommands } from '../accounts/accounts.commands';
import { AgingJob } from '../accounts/aging.job';
import { CreditorPolicies } from '../accounts/creditor-policies';
import { InterestJob } from '../accounts/interest.job';
import { ledgerTables, migrateLedgerSchema, STORE_CONNECTION_OPTIONS } from '../ledger.schema';

const print = (figure: string, values: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ figure, ...values })}\n`);

/**
 * The read model is projected by one process at a time (a lock per projection). Says what it
 * waits for when another process holds it, and fails with what to do after `seconds`.
 */
const holdProjection = async (started: Promise<void>, seconds: number): Promise<void> => {
  const waiting = setTimeout(
    () =>
      console.error(
        `waiting for the lock of projection:account_summary (up to ${seconds} s): another process projects the ledger's read model, usually a running ledger service`,
      ),
    1_000,
  );
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `daily-jobs gave up after ${seconds} s: the lock of projection:account_summary is held by another process (a running ledger service runs these jobs itself every hour). Stop that service, or pass --wait <seconds> to wait longer.`,
          ),
        ),
      seconds * 1000,
    );
  });
  try {
    await Promise.race([started, gaveUp]);
  } finally {
    clearTimeout(waiting);
    clearTimeout(timer);
  }
};

const main = async () => {
  const { values } = parseArgs({
    options: { now: { type: 'string' }, jobs: { type: 'string' }, wait: { type: 'string' } },
  });
  const waitSeconds = Number(values.wait ?? 30);
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  const now = values.now ? new Date(values.now) : new Date();
  const jobs = (values.jobs ?? 'interest,aging').split(',');
  const pool = new Pool({ connectionString: url, max: 24, options: STORE_CONNECTION_OPTIONS });
  const t = ledgerTables(process.env['LEDGER_SCHEMA'] ?? 'ledger');
  await migrateLedgerSchema(pool, t);
  const store = await createPostgresEventStore({ pool, schema: t.schema });
  const projection = startAccountSummary(store, t, 2_000);
  try {
    await holdProjection(projection.started, waitSeconds);
    let started = performance.now();
    await projection.caughtUp(3_600_000);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.accounts}`);
    print('read_model_catch_up', {
      accounts: rows[0].n,
      seconds: +((performance.now() - started) / 1000).toFixed(2),
    });
    const policies = new CreditorPolicies(pool, t);
    await policies.refresh();
    const commands = new AccountsCommands(store, policies, () => now);
    for (const name of jobs) {
      const job = name === 'aging' ? new AgingJob(pool, t, commands) : new InterestJob(pool, t, commands);
      started = performance.now();
      const run = await job.run(now);
      print(`${name}_job`, {
        accounts: rows[0].n,
        ...run,
        asOf: now.toISOString(),
        seconds: +((performance.now() - started) / 1000).toFixed(2),
      });
    }
  } finally {
    await projection.stop();
    await store.close();
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
