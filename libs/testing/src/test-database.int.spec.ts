import { useTestDatabase } from './test-database';

describe('test database', () => {
  const db = useTestDatabase();
  it('is a real, empty PostgreSQL database of its own', async () => {
    const { rows } = await db().pool.query('SELECT current_database() AS name, version() AS v');
    expect(rows[0].name).toBe(db().name);
    expect(rows[0].v).toMatch(/PostgreSQL/);
    const tables = await db().pool.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.rows[0].n).toBe(0);
  });
});
