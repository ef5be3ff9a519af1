import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import type { OutgoingMessage, ReceivedMessage } from '@cartera/messaging';
import { createPostgresBus, type PostgresBus } from '@cartera/messaging/postgres';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import request from 'supertest';
import { NegotiationBackground } from '../negotiation.background';
import { NegotiationModule } from '../negotiation.module';

export type Account = { accountId: string; debtorId: string; creditorId: string; currency: string };

export const account = (creditorId = 'acme-bank', currency = 'USD'): Account => ({
  accountId: randomUUID(),
  debtorId: randomUUID(),
  creditorId,
  currency,
});

const ledgerMessage = (a: Account, type: string, day: string, payload: object): OutgoingMessage => ({
  key: a.debtorId,
  messageId: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: `${day}T13:00:00.000Z`,
  payload: {
    accountId: a.accountId,
    debtorId: a.debtorId,
    creditorId: a.creditorId,
    currency: a.currency,
    ...payload,
  },
});

/** A PaymentPosted v1 as the ledger's publisher puts it on `ledger.events`. */
export const paymentPosted = (a: Account, paymentId: string, amount: bigint, day: string): OutgoingMessage =>
  ledgerMessage(a, 'PaymentPosted', day, {
    paymentId,
    amountMinor: amount.toString(),
    channel: 'card',
    paidAt: `${day}T13:00:00.000Z`,
    paidOn: day,
    allocation: { principal: amount.toString(), interest: '0', fees: '0' },
    toCreditMinor: '0',
  });

export const paymentReversed = (
  a: Account,
  paymentId: string,
  amount: bigint,
  day: string,
): OutgoingMessage =>
  ledgerMessage(a, 'PaymentReversed', day, {
    paymentId,
    reason: 'chargeback',
    amountMinor: amount.toString(),
    allocation: { principal: amount.toString(), interest: '0', fees: '0' },
    fromCreditMinor: '0',
    reversedAt: `${day}T14:00:00.000Z`,
    reversedOn: day,
  });

/** The negotiation app on a test database, a bus publishing as the ledger does, and a listener on `negotiation.events`. */
export const startNegotiation = async (url: string) => {
  const app: INestApplication = await createApp(NegotiationModule, {
    env: { DATABASE_URL: url, LOG_LEVEL: 'silent' },
  });
  const bus: PostgresBus = createPostgresBus({ connectionString: url, source: 'cartera/ledger' });
  const published: ReceivedMessage[] = [];
  const listener = bus.subscribe({
    topics: [TOPICS.negotiation],
    group: 'test-listener',
    policy: { kind: 'block' },
    handler: async (m) => void published.push(m),
  });
  await listener.started;
  const background = app.get(NegotiationBackground);
  const token = (roles: Role[], creditors?: string[]) =>
    signDevToken({ roles, sub: 'agent-7', ...(creditors ? { creditors } : {}) });
  const http = () => request(app.getHttpServer());
  return {
    app,
    background,
    published,
    http,
    token,
    publishLedger: async (...messages: OutgoingMessage[]) => {
      await bus.publish(TOPICS.ledger, messages);
      await background.paymentsCaughtUp();
      await background.caughtUp();
    },
    /** Waits for the listener to have seen `count` messages of `type` for the promise. */
    messagesOf: async (promiseId: string, timeoutMs = 10_000) => {
      await background.caughtUp();
      const deadline = Date.now() + timeoutMs;
      let lag = 1;
      while (lag > 0 && Date.now() < deadline) {
        lag = ((await listener.health()).lag ?? []).reduce((n, p) => n + p.lag, 0);
        if (lag > 0) await new Promise((r) => setTimeout(r, 20));
      }
      return published
        .filter((m) => (m.payload as { promiseId: string }).promiseId === promiseId)
        .map((m) => m.type);
    },
    close: async () => {
      await listener.stop();
      await bus.close();
      await app.close();
    },
  };
};
