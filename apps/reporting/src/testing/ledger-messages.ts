import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '@cartera/messaging';

/** Builders of ledger contract messages as the ledger's publisher puts them on `ledger.events` (test and bench data). */
export type AccountRef = { accountId: string; debtorId: string; creditorId: string; currency: string };

export const accountRef = (
  creditorId = 'acme-bank',
  currency = 'COP',
  debtorId: string = randomUUID(),
): AccountRef => ({
  accountId: randomUUID(),
  debtorId,
  creditorId,
  currency,
});

type Parts = { principal: bigint; interest?: bigint; fees?: bigint };
const money = (p: Parts) => ({
  principal: p.principal.toString(),
  interest: (p.interest ?? 0n).toString(),
  fees: (p.fees ?? 0n).toString(),
});
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

export const placed = (
  a: AccountRef,
  day: string,
  balance: Parts,
  ref = `A-${a.accountId.slice(0, 8)}`,
): OutgoingMessage =>
  message(a, 'AccountPlaced', at(day), {
    creditorAccountRef: ref,
    debtor: {
      reference: `D-${a.debtorId.slice(0, 8)}`,
      fullName: 'Ana Pérez',
      emails: ['ana@example.com'],
      phones: ['+573001112233'],
      timeZone: 'America/Bogota',
    },
    balance: money(balance),
    product: 'credit_card',
    originatedOn: '2024-01-15',
    firstUnpaidDueDate: '2026-05-01',
    placedAt: at(day),
    status: 'active',
  });

export const paid = (
  a: AccountRef,
  day: string,
  paymentId: string,
  amount: bigint,
  channel = 'card',
  allocation: Parts = { principal: amount },
): OutgoingMessage =>
  message(a, 'PaymentPosted', at(day, '13:00:00.000'), {
    paymentId,
    amountMinor: amount.toString(),
    channel,
    paidAt: at(day, '13:00:00.000'),
    paidOn: day,
    allocation: money(allocation),
    toCreditMinor: '0',
  });

export const reversed = (
  a: AccountRef,
  day: string,
  paymentId: string,
  amount: bigint,
  allocation: Parts = { principal: amount },
): OutgoingMessage =>
  message(a, 'PaymentReversed', at(day, '14:00:00.000'), {
    paymentId,
    reason: 'chargeback',
    amountMinor: amount.toString(),
    allocation: money(allocation),
    fromCreditMinor: '0',
    reversedAt: at(day, '14:00:00.000'),
    reversedOn: day,
  });

export const balanceChanged = (
  a: AccountRef,
  day: string,
  cause: string,
  balance: Parts,
  delta: Parts,
  time = '13:00:00.001',
): OutgoingMessage => {
  const total = balance.principal + (balance.interest ?? 0n) + (balance.fees ?? 0n);
  return message(a, 'BalanceChanged', at(day, time), {
    cause,
    balance: money(balance),
    totalMinor: total.toString(),
    creditBalanceMinor: '0',
    delta: money(delta),
    changedAt: at(day, time),
  });
};

export const bucketChanged = (
  a: AccountRef,
  day: string,
  from: string | null,
  to: string,
  dpd: number,
): OutgoingMessage =>
  message(a, 'DelinquencyBucketChanged', at(day, '01:00:00.000'), { from, to, dpd, asOf: day });

export const closed = (
  a: AccountRef,
  day: string,
  reason: string,
  balance: Parts = { principal: 0n },
): OutgoingMessage =>
  message(a, 'AccountClosed', at(day, '15:00:00.000'), {
    reason,
    balance: money(balance),
    closedAt: at(day, '15:00:00.000'),
    closedOn: day,
  });
