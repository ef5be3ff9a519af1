import type { INestApplication } from '@nestjs/common';
import { createApp } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { ReportingModule } from './reporting.module';

describe('reporting app', () => {
  let app: INestApplication;
  afterAll(() => app?.close()); // before the database's own hook
  const db = useTestDatabase();

  beforeAll(async () => {
    app = await createApp(ReportingModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });

  it('boots on a real database and is ready', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('owns its schema "reporting"', async () => {
    const { rows } = await db().pool.query(
      'SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1',
      ['reporting'],
    );
    expect(rows).toHaveLength(1);
  });

  it('serves its OpenAPI document at /docs', async () => {
    expect((await request(app.getHttpServer()).get('/docs')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/docs/json')).body.info.title).toBe('Cartera reporting');
  });

  it('creates the read-only NOLOGIN role cartera_analyst: SELECT on the reporting tables, nothing else', async () => {
    const role = await db().pool.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = 'cartera_analyst'`);
    expect(role.rows).toEqual([{ rolcanlogin: false }]);
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE cartera_analyst');
      expect((await client.query('SELECT count(*)::int AS n FROM reporting.accounts')).rows).toEqual([
        { n: 0 },
      ]);
      await expect(client.query(`DELETE FROM reporting.accounts`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('rebuilds a projection from the command line', async () => {
    const root = join(__dirname, '..', '..', '..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', join(root, 'tools', 'register.cjs'), join(__dirname, 'cli', 'rebuild.cli.ts'), 'portfolio'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db().url, DB_SCHEMA: 'reporting' },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ projection: 'portfolio', events: 0 });
  });
});
