import type { INestApplication } from '@nestjs/common';
import { createApp } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerModule } from './ledger.module';

describe('ledger app', () => {
  const db = useTestDatabase();
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });
  afterAll(() => app?.close());

  it('boots on a real database and is ready', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('owns its schema "ledger"', async () => {
    const { rows } = await db().pool.query(
      'SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1',
      ['ledger'],
    );
    expect(rows).toHaveLength(1);
  });

  it('serves its OpenAPI document at /docs', async () => {
    expect((await request(app.getHttpServer()).get('/docs')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/docs/json')).body.info.title).toBe('Cartera ledger');
  });
});
