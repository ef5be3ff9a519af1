import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import { createApp } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { Temporal } from 'temporal-polyfill';
// An e2e test drives both apps in one process (apps have no path alias, so the boundary rule is waived here only).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startCaseManagement, type CaseHarness } from '../../case-management/src/testing/case-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { accountOf, placed } from '../../case-management/src/testing/ledger-messages';
import { FakeTwilio } from './channels/testing/fake-twilio.server';
import { CommunicationsBackground } from './communications.background';
import { CommunicationsModule } from './communications.module';

// A fixed-offset zone where it is now mid-afternoon, inside every pack's hours: no clock is faked.
const afternoonZone = (): string => {
  const now = Temporal.Now.instant();
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    if (now.toZonedDateTimeISO(zone).hour >= 12 && now.toZonedDateTimeISO(zone).hour < 16) return zone;
  }
  throw new Error('no zone at local afternoon');
};

describe('a hold placed in case management stops the message communications was about to send', () => {
  const db = useTestDatabase();
  let cases: CaseHarness;
  let comms: INestApplication;
  let twilio: FakeTwilio;

  beforeAll(async () => {
    cases = await startCaseManagement(db().url);
    twilio = await new FakeTwilio(`AC${'e'.repeat(32)}`, 'e2e-auth-token').start();
    comms = await createApp(CommunicationsModule, {
      env: {
        DATABASE_URL: db().url,
        LOG_LEVEL: 'silent',
        TWILIO_BASE_URL: twilio.baseUrl,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        WEBHOOK_BASE_URL: 'https://comms.example',
      },
    });
  });
  afterAll(async () => {
    await comms?.close();
    await cases?.close();
    await twilio?.stop();
  });

  const holdsPublished = (debtorId: string, type: string) =>
    cases.published(TOPICS.caseManagement, (seen) => seen.some((m) => m.type === type && m.key === debtorId));

  it('blocks the SMS while the hold is active and sends it once lifted', async () => {
    const debtorId = randomUUID();
    const account = accountOf(debtorId);
    await cases.ledgerBus.publish(TOPICS.ledger, [placed(account, '2026-11-02', 80_000n)]);
    await cases.caughtUp();
    const caseId = cases.caseIdOf(debtorId, account.creditorId);

    const http = request(comms.getHttpServer());
    const phone = '+525512345678';
    const profile = await http
      .put(`/debtors/${debtorId}/contact-profile`)
      .set('Authorization', await cases.as(['supervisor']))
      .send({
        creditorId: account.creditorId,
        jurisdiction: 'MX',
        locale: 'es-MX',
        contactPoints: [{ kind: 'phone', number: phone, timeZone: afternoonZone() }],
        consents: [],
      });
    expect(profile.status).toBe(200);
    const sms = (messageId: string) => ({
      messageId,
      debtorId,
      channel: 'sms',
      templateId: 'payment-reminder',
      debtIds: [account.accountId],
      data: {
        firstName: 'Ana',
        creditorName: 'Banco Uno',
        amountDue: { amount: '80000', currency: 'COP' },
        paymentLink: 'https://pay.example/x',
        optOut: 'Responda BAJA para no recibir más mensajes.',
      },
    });

    // The agent places the hold in case management; communications learns it from the bus only.
    const hold = { holdId: 'e2e-hold', reason: 'cease_and_desist' };
    const placedHold = await cases.http
      .post(`/cases/${caseId}/holds`)
      .set('Authorization', await cases.as(['agent']))
      .send(hold);
    expect(placedHold.status).toBe(201);
    await cases.caughtUp();
    await holdsPublished(debtorId, 'HoldPlaced');
    await comms.get(CommunicationsBackground).holdsCaughtUp();

    const agent = await cases.as(['agent']);
    const during = await http.post('/messages').set('Authorization', agent).send(sms(randomUUID()));
    expect(during.body).toMatchObject({
      status: 'blocked',
      decision: { verdict: 'block', reason: 'hold_active' },
    });
    expect(twilio.messages.filter((m) => m.to === phone)).toEqual([]);

    const lifted = await cases.http
      .post(`/cases/${caseId}/holds/${hold.holdId}/lift`)
      .set('Authorization', await cases.as(['supervisor']));
    expect(lifted.status).toBe(201);
    await cases.caughtUp();
    await holdsPublished(debtorId, 'HoldLifted');
    await comms.get(CommunicationsBackground).holdsCaughtUp();

    const after = await http.post('/messages').set('Authorization', agent).send(sms(randomUUID()));
    expect(after.body).toMatchObject({ status: 'sent' });
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });
});
