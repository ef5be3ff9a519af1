import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import type { EventStore } from '@cartera/eventstore';
import { createPostgresBus, type PostgresBus } from '@cartera/messaging/postgres';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { Temporal } from 'temporal-polyfill';
import { FakeTwilio } from '../channels/testing/fake-twilio.server';
import { TestSmtpServer } from '../channels/testing/test-smtp.server';
import { CommunicationsBackground } from '../communications.background';
import { COMMS_STORE } from '../communications.infrastructure';
import { CommunicationsModule } from '../communications.module';

// Fixed-offset zones chosen from the real clock: one where it is now mid-afternoon (inside every
// pack's hours), one where it is the middle of the night (outside them). No clock is faked.
const zoneAtLocalHour = (from: number, to: number): string => {
  const now = Temporal.Now.instant();
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = now.toZonedDateTimeISO(zone).hour;
    if (hour >= from && hour < to) return zone;
  }
  throw new Error(`no zone at local hour ${from}–${to}`);
};

describe('messages: policy → template → channel, with the evidence on the message stream', () => {
  const db = useTestDatabase();
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let twilio: FakeTwilio;
  let smtp: TestSmtpServer;
  let caseBus: PostgresBus;
  const day = zoneAtLocalHour(12, 16);
  const night = zoneAtLocalHour(1, 4);

  beforeAll(async () => {
    twilio = await new FakeTwilio(`AC${'c'.repeat(32)}`, 'test-auth-token').start();
    smtp = await new TestSmtpServer().start();
    app = await createApp(CommunicationsModule, {
      env: {
        DATABASE_URL: db().url,
        LOG_LEVEL: 'silent',
        SMTP_PORT: String(smtp.port),
        TWILIO_BASE_URL: twilio.baseUrl,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        WEBHOOK_BASE_URL: 'https://comms.example',
      },
    });
    http = request(app.getHttpServer());
    caseBus = createPostgresBus({ connectionString: db().url, source: 'cartera/case-management' });
  });
  afterAll(async () => {
    await caseBus?.close();
    await app?.close();
    await twilio?.stop();
    await smtp?.stop();
  });

  const as = async (roles: Role[], creditors?: string[]) =>
    `Bearer ${await signDevToken({ roles, sub: `${roles[0]}-1`, ...(creditors ? { creditors } : {}) })}`;
  const eventsOf = async (messageId: string) =>
    (await app.get<EventStore>(COMMS_STORE).readStream(`message-${messageId}`)).map((e) => ({
      type: e.type,
      data: e.data,
    }));

  const debtor = async (zone: string, creditorId = 'acme') => {
    const debtorId = randomUUID();
    const phone = `+5255${Math.floor(Math.random() * 1e8)
      .toString()
      .padStart(8, '0')}`;
    const res = await http
      .put(`/debtors/${debtorId}/contact-profile`)
      .set('Authorization', await as(['supervisor']))
      .send({
        creditorId,
        jurisdiction: 'MX',
        locale: 'es-MX',
        contactPoints: [
          { kind: 'phone', number: phone, timeZone: zone },
          { kind: 'email', address: `${debtorId}@example.com` },
        ],
        consents: [
          {
            channel: 'email',
            address: `${debtorId}@example.com`,
            status: 'granted',
            provenance: 'debtor_provided',
            at: '2025-01-02T15:00:00Z',
          },
        ],
      });
    expect(res.status).toBe(200);
    return { debtorId, phone, accountId: randomUUID() };
  };
  const sms = (debtorId: string, accountId: string, messageId = randomUUID()) => ({
    messageId,
    debtorId,
    channel: 'sms',
    templateId: 'payment-reminder',
    debtIds: [accountId],
    data: {
      firstName: 'Ana',
      creditorName: 'Banco Uno',
      amountDue: { amount: '150050', currency: 'MXN' },
      paymentLink: 'https://pay.example/x',
      optOut: 'Responda BAJA para no recibir más mensajes.',
    },
  });
  const holdMessage = (
    type: 'HoldPlaced' | 'HoldLifted',
    debtorId: string,
    accountId: string,
    holdId: string,
  ) => ({
    key: debtorId,
    messageId: randomUUID(),
    type,
    schemaVersion: 1,
    payload:
      type === 'HoldPlaced'
        ? {
            caseId: randomUUID(),
            debtorId,
            creditorId: 'acme',
            holdId,
            reason: 'dispute',
            accountIds: [accountId],
            placedAt: '2025-01-01T00:00:00Z',
          }
        : { caseId: randomUUID(), debtorId, creditorId: 'acme', holdId, liftedAt: '2025-01-02T00:00:00Z' },
  });

  it('sends an allowed SMS through the provider, in the locale, and records decision and dispatch', async () => {
    const { debtorId, phone, accountId } = await debtor(day);
    const body = sms(debtorId, accountId);
    const res = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'sent',
      decision: { verdict: 'allow', ruleId: 'mx-condusef.allowed', packVersion: 'mx-condusef/2014-10-01' },
    });
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([
      expect.objectContaining({ body: expect.stringContaining('$1,500.50') }),
    ]);
    const events = await eventsOf(body.messageId);
    expect(events.map((e) => e.type)).toEqual(['MessageRequested', 'ContactPolicyDecided', 'MessageSent']);
    expect(events[2].data).toMatchObject({
      provider: 'twilio',
      templateId: 'payment-reminder',
      templateVersion: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const again = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(body);
    expect(again.status).toBe(200);
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(1);

    await app.get(CommunicationsBackground).historyCaughtUp();
    const { rows } = await db().pool.query(
      'SELECT kind, channel FROM communications.contact_history WHERE debtor_id = $1',
      [debtorId],
    );
    expect(rows).toEqual([{ kind: 'attempt', channel: 'sms' }]);
  });

  it('blocks a message requested during a hold, with its evidence event, and sends again once lifted', async () => {
    const { debtorId, phone, accountId } = await debtor(day);
    await caseBus.publish(TOPICS.caseManagement, [
      holdMessage('HoldPlaced', debtorId, accountId, `hold-${debtorId}`),
    ]);
    await app.get(CommunicationsBackground).holdsCaughtUp();
    const blocked = sms(debtorId, accountId);
    const res = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(blocked);
    expect(res.body).toMatchObject({
      status: 'blocked',
      decision: { verdict: 'block', reason: 'hold_active', ruleId: 'mx-condusef.hold' },
    });
    expect(await eventsOf(blocked.messageId)).toEqual([
      expect.objectContaining({ type: 'MessageRequested' }),
      {
        type: 'ContactPolicyDecided',
        data: expect.objectContaining({
          verdict: 'block',
          reason: 'hold_active',
          ruleId: 'mx-condusef.hold',
          packVersion: 'mx-condusef/2014-10-01',
        }),
      },
      {
        type: 'MessageBlocked',
        data: { reason: 'hold_active', ruleId: 'mx-condusef.hold', packVersion: 'mx-condusef/2014-10-01' },
      },
    ]);
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([]);

    await caseBus.publish(TOPICS.caseManagement, [
      holdMessage('HoldLifted', debtorId, accountId, `hold-${debtorId}`),
    ]);
    await app.get(CommunicationsBackground).holdsCaughtUp();
    const after = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(sms(debtorId, accountId));
    expect(after.body.status).toBe('sent');
  });

  it('records delivery from the signed status webhook, and a STOP reply as opt-out that blocks the next SMS', async () => {
    const { debtorId, phone, accountId } = await debtor(day);
    const first = sms(debtorId, accountId);
    await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(first)
      .expect(201);
    await app.get(CommunicationsBackground).historyCaughtUp();
    const sid = twilio.messages.find((m) => m.to === phone)?.sid ?? '';
    const post = (path: string, hook: { headers: Record<string, string | undefined>; body: string }) =>
      http
        .post(path)
        .set('content-type', 'application/x-www-form-urlencoded')
        .set('x-twilio-signature', hook.headers['x-twilio-signature'] ?? '')
        .send(hook.body);

    const forged = twilio.statusWebhook(
      'https://comms.example/webhooks/twilio/status',
      sid,
      'delivered',
      'wrong',
    );
    expect((await post('/webhooks/twilio/status', forged)).status).toBe(403);
    const status = twilio.statusWebhook('https://comms.example/webhooks/twilio/status', sid, 'delivered');
    expect((await post('/webhooks/twilio/status', status)).status).toBe(204);
    expect((await post('/webhooks/twilio/status', status)).status).toBe(204);
    const stop = twilio.inboundWebhook('https://comms.example/webhooks/twilio/inbound', phone, 'STOP');
    expect((await post('/webhooks/twilio/inbound', stop)).status).toBe(204);

    expect((await eventsOf(first.messageId)).map((e) => e.type)).toEqual([
      'MessageRequested',
      'ContactPolicyDecided',
      'MessageSent',
      'MessageDelivered',
      'MessageReplied',
    ]);
    expect((await eventsOf(first.messageId)).at(-1)?.data).toMatchObject({ optOut: true, channel: 'sms' });
    const next = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(sms(debtorId, accountId));
    expect(next.body).toMatchObject({
      status: 'blocked',
      decision: { reason: 'opted_out', ruleId: 'mx-condusef.opted-out' },
    });
  });

  it('reschedules a message outside hours to 07:00 in the debtor’s zone', async () => {
    const { debtorId, phone, accountId } = await debtor(night);
    const body = sms(debtorId, accountId);
    const res = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send(body);
    const today = Temporal.Now.instant().toZonedDateTimeISO(night).toPlainDate();
    const seven = today.toZonedDateTime({ timeZone: night, plainTime: '07:00' }).toInstant().toString();
    expect(res.body).toMatchObject({
      status: 'rescheduled',
      decision: { verdict: 'reschedule', nextAllowedSlot: seven, ruleId: 'mx-condusef.hours' },
    });
    expect((await eventsOf(body.messageId)).at(-1)).toEqual({
      type: 'MessageRescheduled',
      data: { nextAllowedSlot: seven, ruleId: 'mx-condusef.hours', packVersion: 'mx-condusef/2014-10-01' },
    });
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([]);
  });

  it('sends email through SMTP to the address the debtor gave', async () => {
    const { debtorId, accountId } = await debtor(day);
    const res = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send({
        ...sms(debtorId, accountId),
        channel: 'email',
        templateId: 'payment-reminder-email',
        locale: 'en',
      });
    expect(res.body.status).toBe('sent');
    const mail = smtp.received.find((m) => m.to.includes(`${debtorId}@example.com`));
    expect(mail?.raw).toContain('Your balance is MX$1,500.50.');
  });

  it('answers "can I contact now" for agents of the creditor only', async () => {
    const { debtorId } = await debtor(night);
    const ok = await http
      .get(`/debtors/${debtorId}/contact-policy`)
      .query({ channel: 'call' })
      .set('Authorization', await as(['agent']));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      verdict: 'reschedule',
      ruleId: 'mx-condusef.hours',
      packVersion: 'mx-condusef/2014-10-01',
    });
    const other = await http
      .get(`/debtors/${debtorId}/contact-policy`)
      .query({ channel: 'call' })
      .set('Authorization', await as(['agent'], ['globex']));
    expect(other.status).toBe(404);
    const analyst = await http
      .get(`/debtors/${debtorId}/contact-policy`)
      .query({ channel: 'call' })
      .set('Authorization', await as(['analyst']));
    expect(analyst.status).toBe(403);
    const bad = await http
      .get(`/debtors/${debtorId}/contact-policy`)
      .query({ channel: 'pigeon' })
      .set('Authorization', await as(['agent']));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses a message for another creditor’s debtor as not found, and bad input by field', async () => {
    const { debtorId, accountId } = await debtor(day);
    const other = await http
      .post('/messages')
      .set('Authorization', await as(['agent'], ['globex']))
      .send(sms(debtorId, accountId));
    expect(other.status).toBe(404);
    const bad = await http
      .post('/messages')
      .set('Authorization', await as(['agent']))
      .send({ ...sms(debtorId, accountId), debtIds: ['x'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('debtIds');
  });
});
