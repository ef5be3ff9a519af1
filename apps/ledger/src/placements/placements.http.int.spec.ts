import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerModule } from '../ledger.module';

const CSV = [
  'creditorAccountRef,debtorReference,fullName,timeZone,currency,principalMinor,originatedOn,firstUnpaidDueDate,product',
  'H-1,D-1,Ana Pérez,America/Bogota,COP,100000,2023-01-15,2026-01-01,card',
  'H-2,D-2,Luis Gómez,America/Bogota,COP,-5,2023-01-15,2026-13-01,card',
  'H-1,D-1,Ana Pérez,America/Bogota,COP,100000,2023-01-15,2026-01-01,card',
  'H-3,D-3,"Gómez, Marta",Europe/Madrid,EUR,2500,2023-01-15,2026-01-01,loan',
].join('\n');

describe('placements over HTTP', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();
  const as = async (role: 'supervisor' | 'agent' | 'analyst', creditors?: string[]) =>
    `Bearer ${await signDevToken({ roles: [role], ...(creditors ? { creditors } : {}) })}`;

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });

  it('imports a streamed CSV: good rows placed, bad rows reported, duplicates no-ops; the report downloads as CSV', async () => {
    const http = request(app.getHttpServer());
    const res = await http
      .post('/placements')
      .query({ creditorId: 'http-bank' })
      .set('Authorization', await as('supervisor'))
      .set('Content-Type', 'text/csv')
      .send(CSV);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      format: 'csv',
      rowsRead: 4,
      rowsPlaced: 2,
      rowsDuplicate: 1,
      rowsRejected: 1,
    });
    const progress = await http
      .get(`/placements/${res.body.placementId}`)
      .set('Authorization', await as('analyst'));
    expect(progress.body).toEqual(res.body);
    const report = await http
      .get(`/placements/${res.body.placementId}/errors`)
      .set('Authorization', await as('supervisor'));
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.text).toBe(
      'row,field,reason\n3,firstUnpaidDueDate,must be a date YYYY-MM-DD\n3,principalMinor,"must be a whole number of minor units, zero or more (e.g. 150000)"\n',
    );
  });

  it('refuses other media types (415), other roles (403) and rows of creditors outside the token’s scope', async () => {
    const http = request(app.getHttpServer());
    expect(
      (
        await http
          .post('/placements')
          .set('Authorization', await as('supervisor'))
          .set('Content-Type', 'application/json')
          .send({})
      ).status,
    ).toBe(415);
    expect(
      (
        await http
          .post('/placements')
          .set('Authorization', await as('agent'))
          .set('Content-Type', 'text/csv')
          .send(CSV)
      ).status,
    ).toBe(403);
    const scoped = await http
      .post('/placements')
      .query({ creditorId: 'http-bank' })
      .set('Authorization', await as('supervisor', ['other-bank']))
      .set('Content-Type', 'text/csv')
      .send(CSV);
    expect(scoped.body).toMatchObject({ rowsPlaced: 0, rowsRejected: 4 });
    expect(
      (
        await http
          .get('/placements/0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e')
          .set('Authorization', await as('analyst'))
      ).status,
    ).toBe(404);
  });
});
