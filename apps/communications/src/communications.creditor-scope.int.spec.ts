import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createApp, ROLES, signDevToken } from '@cartera/platform';
import { walkAsAnotherCreditor } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { CommunicationsModule } from './communications.module';

const OWNER = 'scope-owner-bank';

describe('communications: every route applies the caller’s creditor scope', () => {
  const db = useTestDatabase();
  let app: INestApplication;
  afterAll(() => app?.close());
  const debtorId = randomUUID();
  const phone = '+525598765432';
  const profile = {
    creditorId: OWNER,
    jurisdiction: 'MX',
    locale: 'es-MX',
    contactPoints: [{ kind: 'phone', number: phone, timeZone: 'America/Mexico_City' }],
    consents: [],
  };
  const token = (creditors?: string[]) =>
    signDevToken({ roles: [...ROLES], sub: 'walker', ...(creditors ? { creditors } : {}) });

  beforeAll(async () => {
    app = await createApp(CommunicationsModule, {
      env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent', WEBHOOK_BASE_URL: 'https://comms.example' },
    });
    await request(app.getHttpServer())
      .put(`/debtors/${debtorId}/contact-profile`)
      .set('Authorization', `Bearer ${await token([OWNER])}`)
      .send(profile)
      .expect(200);
  });

  const walk = async (creditors: string[] | undefined) =>
    walkAsAnotherCreditor(app, {
      token: await token(creditors),
      params: { id: debtorId },
      secrets: [OWNER, phone],
      routes: {
        'GET /debtors/{id}/contact-policy': { query: { channel: 'sms' } },
        'PUT /debtors/{id}/contact-profile': { body: profile },
        'POST /messages': {
          body: {
            messageId: randomUUID(),
            debtorId,
            channel: 'sms',
            templateId: 'payment-reminder',
            debtIds: [randomUUID()],
            data: { firstName: 'Ana', creditorName: 'Banco Uno', optOut: 'Responda BAJA.' },
          },
        },
      },
    });

  it('answers another creditor on every documented route without any of the owner’s data', async () => {
    const probes = await walk(['scope-other-bank']);
    expect(probes.filter((p) => p.leaked.length > 0)).toEqual([]);
    const scoped = probes.filter((p) => !p.key.includes('/webhooks/'));
    expect(scoped.map((p) => [p.key, p.status])).toEqual([
      ['GET /debtors/{id}/contact-policy', 404],
      ['PUT /debtors/{id}/contact-profile', 404],
      ['POST /messages', 404],
    ]);
  });

  it('the same walk unscoped sees the owner’s data (the walk can find a leak)', async () => {
    const leaking = (await walk(undefined)).filter((p) => p.leaked.length > 0).map((p) => p.key);
    expect(leaking).toEqual(expect.arrayContaining(['PUT /debtors/{id}/contact-profile']));
  });
});
