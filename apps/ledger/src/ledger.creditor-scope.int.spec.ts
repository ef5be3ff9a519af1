import type { INestApplication } from '@nestjs/common';
import { createApp, ROLES, signDevToken } from '@cartera/platform';
import { walkAsAnotherCreditor, type RouteProbe } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerBackground } from './ledger.background';
import { LedgerModule } from './ledger.module';

const OWNER = 'scope-owner-bank';
const HEADER =
  'creditorId,creditorAccountRef,debtorReference,fullName,emails,timeZone,currency,principalMinor,originatedOn,firstUnpaidDueDate,product';
const CSV = [
  HEADER,
  `${OWNER},SCOPE-REF-1,SCOPE-DEBTOR-1,Secreta Dueña,secreta@example.com,America/Bogota,COP,100000,2023-01-15,2026-01-01,card`,
  `${OWNER},SCOPE-REF-2,SCOPE-DEBTOR-2,Otra Dueña,secreto-mal@,America/Bogota,COP,100000,2023-01-15,2026-01-01,card`,
].join('\n');
const SECRETS = [OWNER, 'SCOPE-REF-', 'SCOPE-DEBTOR-', 'Secreta Dueña', 'secreto-mal@', 'owner-supervisor-7'];

/** Answers that mean the route never looked at the resource: the walk must reach every route for real. */
const unexercised = (p: RouteProbe) => [400, 415, 422].includes(p.status) || p.status >= 500;

describe('ledger: every route applies the caller’s creditor scope', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();
  const ids = { account: '', placement: '' };

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
    const http = request(app.getHttpServer());
    const owner = `Bearer ${await signDevToken({ roles: ['supervisor'], sub: 'owner-supervisor-7', creditors: [OWNER] })}`;
    const placed = await http
      .post('/placements')
      .set('Authorization', owner)
      .set('Content-Type', 'text/csv')
      .send(CSV);
    expect(placed.body).toMatchObject({ rowsPlaced: 1, rowsRejected: 1 });
    ids.placement = placed.body.placementId;
    await app.get(LedgerBackground).caughtUp();
    const accounts = await http.get('/accounts').set('Authorization', owner);
    ids.account = accounts.body.items[0].accountId;
    const paid = await http.post(`/accounts/${ids.account}/payments`).set('Authorization', owner).send({
      paymentId: 'scope-p1',
      amountMinor: '5000',
      currency: 'COP',
      paidAt: '2026-02-01T15:00:00Z',
      channel: 'card',
    });
    expect(paid.status).toBe(201);
  });

  const walk = async (creditors: string[] | undefined) =>
    walkAsAnotherCreditor(app, {
      token: await signDevToken({ roles: ROLES, sub: 'walker', ...(creditors ? { creditors } : {}) }),
      params: { id: ids.account, paymentId: 'scope-p1' },
      secrets: SECRETS,
      routes: {
        'GET /placements/{id}': { params: { id: ids.placement } },
        'GET /placements/{id}/errors': { params: { id: ids.placement } },
        'POST /placements': { contentType: 'text/csv', body: `${HEADER}\n` },
      },
    });

  it('answers another creditor on every documented route without any of the owner’s data', async () => {
    const probes = await walk(['scope-other-bank']);
    expect(probes.length).toBeGreaterThanOrEqual(12);
    expect(probes.filter((p) => p.leaked.length > 0)).toEqual([]);
    expect(probes.filter(unexercised)).toEqual([]);
    expect(probes.find((p) => p.key === 'GET /placements/{id}')?.status).toBe(404);
    expect(probes.find((p) => p.key === 'GET /placements/{id}/errors')?.status).toBe(404);
  });

  it('the same walk unscoped sees the owner’s data (the walk can find a leak)', async () => {
    const leaking = (await walk(undefined)).filter((p) => p.leaked.length > 0).map((p) => p.key);
    expect(leaking).toEqual(
      expect.arrayContaining(['GET /accounts/{id}', 'GET /placements/{id}', 'GET /placements/{id}/errors']),
    );
  });
});
