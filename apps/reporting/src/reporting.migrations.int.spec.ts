import type { INestApplication } from '@nestjs/common';
import { createApp, MIGRATIONS_TABLE } from '@cartera/platform';
import { createTestDatabase, type TestDatabase } from '@cartera/testing';
import request from 'supertest';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { READ_MODEL_ENTITIES } from './read-models';
import { ReportingModule } from './reporting.module';

const PRODUCTION = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'a-production-secret-of-32-chars-at-least',
};

const tablesIn = async (db: TestDatabase) =>
  (
    await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'reporting' ORDER BY table_name`,
    )
  ).rows.map((r) => r.table_name);

/** The tables the entities describe (what the projections and queries use). */
const entityTables = () =>
  getMetadataArgsStorage()
    .tables.filter((t) => (READ_MODEL_ENTITIES as readonly unknown[]).includes(t.target))
    .map((t) => t.name as string);

describe('reporting: read-model tables by versioned migrations, never synchronize', () => {
  const opened: { app?: INestApplication; db?: TestDatabase }[] = [];
  afterAll(async () => {
    for (const o of opened) await o.app?.close();
    for (const o of opened) await o.db?.drop();
  });
  const start = async (db: TestDatabase) => {
    const app = await createApp(ReportingModule, { env: { ...PRODUCTION, DATABASE_URL: db.url } });
    opened.push({ app });
    return app;
  };

  it('starts with NODE_ENV=production on an empty database and creates every read-model table', async () => {
    const db = await createTestDatabase();
    opened.push({ db });
    const app = await start(db);
    expect(await tablesIn(db)).toEqual([...entityTables(), MIGRATIONS_TABLE].sort());
    const ran = await db.pool.query(`SELECT name FROM reporting.${MIGRATIONS_TABLE}`);
    expect(ran.rows).toEqual([
      { name: 'ReportingReadModels1764806400000' },
      { name: 'ParkedMessages1764892800000' },
    ]);
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
    // The entities and the migrations describe the same tables and columns (TypeORM would only
    // redo comments and recreate multi-column indexes it reads back in another order).
    const pending = await app.get(DataSource).driver.createSchemaBuilder().log();
    const changes = pending.upQueries
      .map((q) => q.query)
      .filter((q) => !/^(COMMENT ON|(DROP|CREATE) INDEX)/.test(q));
    expect(changes).toEqual([]);
  });

  it('adopts a database of the previous schema version (tables made by synchronize), keeping its rows', async () => {
    const db = await createTestDatabase();
    opened.push({ db });
    await db.pool.query('CREATE SCHEMA reporting');
    const before = new DataSource({
      type: 'postgres',
      url: db.url,
      schema: 'reporting',
      entities: [...READ_MODEL_ENTITIES],
      synchronize: true,
    });
    await before.initialize();
    await before.destroy();
    await db.pool.query(
      `INSERT INTO reporting.collections_daily VALUES ('2026-06-01', 'acme-bank', 'COP', 'card', 1, 500, 0, 0, 500)`,
    );
    await start(db);
    expect(await tablesIn(db)).toEqual([...entityTables(), MIGRATIONS_TABLE].sort());
    expect((await db.pool.query('SELECT net::text FROM reporting.collections_daily')).rows).toEqual([
      { net: '500' },
    ]);
  });
});
