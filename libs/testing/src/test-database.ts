import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export type TestDatabase = Readonly<{
  /** Connection string of a database created for this test file only. */
  url: string;
  name: string;
  /** A pool on that database, closed by `drop()`. */
  pool: Pool;
  drop: () => Promise<void>;
}>;

const adminUrl = (): string => {
  const url = process.env.CARTERA_TEST_PG_ADMIN_URL;
  if (!url) {
    throw new Error(
      'No test PostgreSQL: run tests through Jest with the root jest.config (its global setup starts one), ' +
        'or set CARTERA_TEST_PG_ADMIN_URL',
    );
  }
  return url;
};

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Creates a fresh, empty database on the run's PostgreSQL server. */
export const createTestDatabase = async (prefix = 't'): Promise<TestDatabase> => {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const pool = new Pool({ connectionString: url, max: 20 });
  let dropped = false;
  // Like a service's pool: a lost connection fails the query that used it, never the process
  // (pg leaves checked-out clients without an 'error' listener). Said once so a test can be read.
  const lost = (error: Error & { code?: string }) => {
    if (!dropped)
      process.stderr.write(`test database ${name}: connection lost (${error.code ?? error.message})\n`);
  };
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return {
    url,
    name,
    pool,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await pool.end();
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};

/**
 * Registers beforeAll/afterAll hooks giving the current test file its own database.
 * `const db = useTestDatabase(); … db().pool.query(…)`
 */
export const useTestDatabase = (prefix?: string): (() => TestDatabase) => {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
  });
  afterAll(async () => {
    await db?.drop();
  });
  return () => {
    if (!db) throw new Error('useTestDatabase(): the database exists only inside tests (after beforeAll)');
    return db;
  };
};
