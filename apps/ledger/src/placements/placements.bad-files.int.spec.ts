import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { LedgerModule } from '../ledger.module';

const HEADER =
  'creditorAccountRef,debtorReference,fullName,timeZone,currency,principalMinor,originatedOn,firstUnpaidDueDate,product';
const LIMIT = 4 * 1024 * 1024;

describe('placements: files that are not placement files', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();
  let token: string;

  beforeAll(async () => {
    app = await createApp(LedgerModule, {
      env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent', PLACEMENT_MAX_BYTES: String(LIMIT) },
    });
    token = `Bearer ${await signDevToken({ roles: ['supervisor'] })}`;
  });

  const upload = (body: string | Buffer, contentType = 'text/csv') =>
    request(app.getHttpServer())
      .post('/placements')
      .query({ creditorId: 'bad-files-bank' })
      .set('Authorization', token)
      .set('Content-Type', contentType)
      .send(body);
  const stored = async () => {
    const q = (sql: string) =>
      db()
        .pool.query<{ n: number }>(sql)
        .then((r) => r.rows[0].n);
    return {
      placements: await q('SELECT count(*)::int AS n FROM ledger.placements'),
      events: await q('SELECT count(*)::int AS n FROM ledger.es_events'),
    };
  };

  it('refuses a header that is not a placement header with 400 listing the expected columns', async () => {
    const res = await upload('name,amount,due\nAna,100,2026-01-01\n');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: '/problems/not-a-placement-file',
      detail: expect.stringMatching(
        /unknown columns: "name", "amount", "due".*missing columns: creditorAccountRef/,
      ),
      requiredColumns: expect.arrayContaining(['creditorAccountRef', 'principalMinor', 'originatedOn']),
      expectedColumns: expect.arrayContaining(['creditorId', 'emails', 'interestRateBps']),
    });
    expect(await stored()).toEqual({ placements: 0, events: 0 });
  });

  it('refuses 3 MB of random bytes with 400, and a body over the limit with 413, storing nothing', async () => {
    const random = await upload(randomBytes(3 * 1024 * 1024));
    expect([random.status, random.body.type]).toEqual([400, '/problems/not-a-placement-file']);
    const large = await upload(`${HEADER}\n${'x'.repeat(LIMIT)}`);
    expect(large.status).toBe(413);
    expect(large.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await stored()).toEqual({ placements: 0, events: 0 });
  });

  it('refuses a wrong content type with 415 and an empty file with 400, storing nothing', async () => {
    const json = await upload(JSON.stringify({ rows: [] }), 'application/json');
    expect(json.status).toBe(415);
    expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await upload('')).status).toBe(400);
    expect(await stored()).toEqual({ placements: 0, events: 0 });
  });

  it('reports impossible dates, amounts beyond the money limit and non-UTF-8 text as row errors', async () => {
    const rows = [
      'B-1,D-1,Ana,America/Bogota,COP,100000,2099-01-15,2099-02-01,card', // originated in the future
      'B-2,D-2,Ana,America/Bogota,COP,100000,2023-01-15,2022-12-31,card', // due before origination
      'B-3,D-3,Ana,America/Bogota,COP,1000000000000000,2023-01-15,2026-01-01,card', // beyond the limit
    ];
    const latin1 = Buffer.from(
      'B-4,D-4,Ana P\xe9rez,America/Bogota,COP,100,2023-01-15,2026-01-01,card',
      'latin1',
    );
    const body = Buffer.concat([Buffer.from([HEADER, ...rows, ''].join('\n')), latin1]);
    const res = await upload(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsRead: 4, rowsPlaced: 0, rowsRejected: 4 });
    const report = await request(app.getHttpServer())
      .get(`/placements/${res.body.placementId}/errors`)
      .set('Authorization', token);
    expect(report.text.split('\n').filter(Boolean)).toEqual([
      'row,field,reason',
      expect.stringMatching(/^2,originatedOn,is in the future/),
      expect.stringMatching(/^3,firstUnpaidDueDate,is before originatedOn \(2023-01-15\)/),
      '4,principalMinor,must be at most 999999999999999 minor units',
      '5,fullName,is not UTF-8 text',
    ]);
  });
});
