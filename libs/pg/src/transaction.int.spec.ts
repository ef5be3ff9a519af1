import { useTestDatabase } from '@cartera/testing';
import { withTransaction } from './transaction';

describe('withTransaction', () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await db().pool.query('CREATE TABLE t (v int PRIMARY KEY)');
  });

  it('commits what the work wrote and returns its result', async () => {
    const result = await withTransaction(
      db().pool,
      async (c) => (await c.query('INSERT INTO t VALUES (1) RETURNING v')).rows[0].v,
    );
    expect(result).toBe(1);
    expect((await db().pool.query('SELECT v FROM t')).rows).toEqual([{ v: 1 }]);
  });

  it('rolls everything back when the work throws, and rethrows its error', async () => {
    await expect(
      withTransaction(db().pool, async (c) => {
        await c.query('INSERT INTO t VALUES (2)');
        await c.query('INSERT INTO t VALUES (1)'); // duplicate key
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db().pool.query('SELECT v FROM t ORDER BY v')).rows).toEqual([{ v: 1 }]);
  });

  it('opens with the given statement and holds the advisory lock until COMMIT', async () => {
    const seen = await withTransaction(
      db().pool,
      async (c) => {
        const setting = (await c.query(`SELECT current_setting('statement_timeout') AS s`)).rows[0].s;
        const locks = (
          await c.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
          )
        ).rows[0].n;
        return { setting, locks };
      },
      { begin: `BEGIN; SET LOCAL statement_timeout = '4321ms'`, advisoryLock: 'test-lock' },
    );
    expect(seen).toEqual({ setting: '4321ms', locks: 1 });
    // After COMMIT the setting is gone and no session holds this lock (other suites' advisory
    // locks in the same cluster do not count: a bigint key shows as classid = high, objid = low half).
    const after = await db().pool.query(`
      SELECT current_setting('statement_timeout') AS s, (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
        AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('test-lock', 0)) AS n`);
    expect(after.rows[0]).toEqual({ s: '0', n: 0 });
  });

  it('gives the connection back to the pool whatever happens', async () => {
    const before = db().pool.totalCount - db().pool.idleCount;
    await withTransaction(db().pool, async () => undefined);
    await withTransaction(db().pool, async () => {
      throw new Error('boom');
    }).catch(() => undefined);
    expect(db().pool.totalCount - db().pool.idleCount).toBe(before);
  });
});
