import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '@cartera/messaging';

/** Ledger contract messages as the ledger's publisher puts them on `ledger.events` (test and bench data). */
export type AccountRef = Readonly<{
  accountId: string;
  debtorId: string;
  creditorId: string;
  currency: string;
}>;

export const accountOf = (debtorId: string, creditorId = 'acme-bank', currency = 'COP'): AccountRef => ({
  accountId: randomUUID(),
  debtorId,
  creditorId,
  currency,
});

const money = (principal: bigint) => ({ principal: principal.toString(), interest: '0', fees: '0' });
const at = (day: string, time = '12:00:00.000') => `${day}T${time}Z`;

const message = (
  a: AccountRef,
  type: string,
  occurredAt: string,
  payload: object,
  messageId: string = randomUUID(),
): OutgoingMessage => ({
  key: a.debtorId,
  messageId,
  type,
  schemaVersion: 1,
  occurredAt,
  payload: {
    accountId: a.accountId,
    debtorId: a.debtorId,
    creditorId: a.creditorId,
    currency: a.currency,
    ...payload,
  },
});

/** `debtor` and `extra` override fields of the placement (an address, a last payment date…). */
export const placed = (
  a: AccountRef,
  day: string,
  principal: bigint,
  messageId?: string,
  overrides: { debtor?: object; extra?: object } = {},
): OutgoingMessage =>
  message(
    a,
    'AccountPlaced',
    at(day),
    {
      creditorAccountRef: `A-${a.accountId.slice(0, 8)}`,
      debtor: {
        reference: `D-${a.debtorId.slice(0, 8)}`,
        fullName: 'Ana Pérez',
        emails: ['ana@example.com'],
        phones: ['+573001112233'],
        timeZone: 'America/Bogota',
        ...overrides.debtor,
      },
      balance: money(principal),
      product: 'credit_card',
      originatedOn: '2024-01-15',
      firstUnpaidDueDate: '2026-05-01',
      placedAt: at(day),
      status: 'active',
      ...overrides.extra,
    },
    messageId,
  );

export const paid = (a: AccountRef, day: string, paymentId: string, amount: bigint): OutgoingMessage =>
  message(a, 'PaymentPosted', at(day, '13:00:00.000'), {
    paymentId,
    amountMinor: amount.toString(),
    channel: 'card',
    paidAt: at(day, '13:00:00.000'),
    paidOn: day,
    allocation: money(amount),
    toCreditMinor: '0',
  });

export const bucketChanged = (a: AccountRef, day: string, to: string, dpd: number): OutgoingMessage =>
  message(a, 'DelinquencyBucketChanged', at(day, '01:00:00.000'), { from: null, to, dpd, asOf: day });

export const writtenOff = (a: AccountRef, day: string, principal: bigint): OutgoingMessage =>
  message(a, 'AccountWrittenOff', at(day, '15:00:00.000'), {
    amount: money(principal),
    reason: null,
    writtenOffAt: at(day, '15:00:00.000'),
    writtenOffOn: day,
  });

export const closed = (a: AccountRef, day: string, reason: string, principal = 0n): OutgoingMessage =>
  message(a, 'AccountClosed', at(day, '15:00:01.000'), {
    reason,
    balance: money(principal),
    closedAt: at(day, '15:00:01.000'),
    closedOn: day,
  });
