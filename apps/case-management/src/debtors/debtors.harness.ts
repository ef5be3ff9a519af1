import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import type { OutgoingMessage } from '@cartera/messaging';
import { createPostgresBus } from '@cartera/messaging/postgres';
import { createApp, PlatformModule, signDevToken, type Role } from '@cartera/platform';
import request from 'supertest';
import { CaseManagementConfig } from '../case-management.config';
import { DebtorsBackground } from './debtors.background';
import { DebtorsModule } from './debtors.module';

/** The service's platform with the registry alone, so these tests depend on no other feature module. */
@Module({
  imports: [
    PlatformModule.forService({ name: 'case-management', configSchema: CaseManagementConfig }),
    DebtorsModule,
  ],
})
class DebtorsTestApp {}

export type Person = {
  fullName: string;
  nationalId?: string;
  dateOfBirth?: string;
  phones: string[];
  emails: string[];
  country?: string;
  region?: string;
  postalCode?: string;
};

export type Placement = { accountId: string; creditorId: string; messageId: string; ledgerDebtorId: string };

/** An AccountPlaced as the ledger publishes it (its debtor block is plaintext on the bus today). */
export const placement = (
  person: Person,
  creditorId: string,
  principal = 100_000n,
): { p: Placement; message: OutgoingMessage } => {
  const accountId = randomUUID();
  const messageId = randomUUID();
  const ledgerDebtorId = randomUUID();
  return {
    p: { accountId, creditorId, messageId, ledgerDebtorId },
    message: {
      key: ledgerDebtorId,
      messageId,
      type: 'AccountPlaced',
      schemaVersion: 1,
      occurredAt: '2026-06-01T12:00:00.000Z',
      payload: {
        accountId,
        debtorId: ledgerDebtorId,
        creditorId,
        currency: 'USD',
        creditorAccountRef: `A-${accountId.slice(0, 8)}`,
        debtor: {
          reference: `D-${ledgerDebtorId.slice(0, 8)}`,
          fullName: person.fullName,
          ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
          ...(person.nationalId ? { nationalId: person.nationalId } : {}),
          emails: person.emails,
          phones: person.phones,
          address: {
            lines: ['1 Main St'],
            city: 'Springfield',
            country: person.country ?? 'US',
            ...(person.region ? { region: person.region } : {}),
            ...(person.postalCode ? { postalCode: person.postalCode } : {}),
          },
          timeZone: 'America/New_York',
        },
        balance: { principal: principal.toString(), interest: '0', fees: '0' },
        product: 'credit_card',
        originatedOn: '2024-01-15',
        firstUnpaidDueDate: '2026-05-01',
        placedAt: '2026-06-01T12:00:00.000Z',
        status: 'active',
      },
    },
  };
};

/** A ledger message about a placed account, keyed like its placement (one partition, in order). */
export const ledgerMessage = (
  p: Placement,
  type: string,
  payload: object,
  occurredAt: string,
): OutgoingMessage => ({
  key: p.ledgerDebtorId,
  messageId: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt,
  payload: {
    accountId: p.accountId,
    debtorId: p.ledgerDebtorId,
    creditorId: p.creditorId,
    currency: 'USD',
    ...payload,
  },
});

/** The registry on a test database, a bus publishing as the ledger does, and HTTP helpers. */
export const startDebtors = async (url: string) => {
  const app: INestApplication = await createApp(DebtorsTestApp, {
    env: { DATABASE_URL: url, LOG_LEVEL: 'silent', PII_MASTER_KEY: randomBytes(32).toString('base64') },
  });
  const ledgerBus = createPostgresBus({ connectionString: url, source: 'cartera/ledger' });
  const background = app.get(DebtorsBackground);
  const token = (roles: Role[], creditors?: string[]) =>
    signDevToken({ roles, sub: `user-${roles.join('-')}`, ...(creditors ? { creditors } : {}) });
  const as = async (roles: Role[], creditors?: string[]) => `Bearer ${await token(roles, creditors)}`;
  return {
    app,
    publish: async (messages: OutgoingMessage[], topic: string = TOPICS.ledger) => {
      await ledgerBus.publish(topic, messages);
      await background.caughtUp();
    },
    background,
    get: async (path: string, roles: Role[] = ['agent'], creditors?: string[]) =>
      request(app.getHttpServer())
        .get(path)
        .set('Authorization', await as(roles, creditors)),
    post: async (path: string, body: object, roles: Role[] = ['supervisor'], creditors?: string[]) => {
      const res = await request(app.getHttpServer())
        .post(path)
        .set('Authorization', await as(roles, creditors))
        .send(body);
      await background.caughtUp();
      return res;
    },
    close: async () => {
      await ledgerBus.close();
      await app.close();
    },
  };
};

/** The account paid in full and closed on `day`. */
export const paidOff = (p: Placement, day: string) => [
  ledgerMessage(
    p,
    'BalanceChanged',
    {
      cause: 'PaymentPosted',
      balance: { principal: '0', interest: '0', fees: '0' },
      totalMinor: '0',
      creditBalanceMinor: '0',
      delta: { principal: '-100000', interest: '0', fees: '0' },
      changedAt: `${day}T10:00:00.000Z`,
    },
    `${day}T10:00:00.000Z`,
  ),
  ledgerMessage(
    p,
    'AccountClosed',
    {
      reason: 'paid_in_full',
      balance: { principal: '0', interest: '0', fees: '0' },
      closedAt: `${day}T10:00:00.000Z`,
      closedOn: day,
    },
    `${day}T10:00:00.000Z`,
  ),
];
