import type { PromiseEvent } from '@cartera/negotiation-domain';
import { addDays } from '@cartera/negotiation-domain';

/** A row of the `promises` read model. */
export type PromiseRow = {
  promiseId: string;
  accountId: string;
  debtorId: string;
  creditorId: string;
  currency: string;
  amount: bigint;
  paid: bigint;
  dueOn: string;
  deadline: string;
  status: 'open' | 'kept' | 'partially_kept' | 'broken' | 'cancelled';
  ruleVersion: string;
  decidedOn: string | null;
  madeAt: string;
  version: number;
};

export const PROMISES_PROJECTION = {
  name: 'promises',
  canHandle: [
    'PromiseMade',
    'PromisePaymentRecorded',
    'PromisePaymentReversed',
    'PromiseKept',
    'PromisePartiallyKept',
    'PromiseBroken',
    'PromiseReopened',
    'PromiseCancelled',
  ] satisfies PromiseEvent['type'][],
};

/** Total: an event before the row exists (never in a healthy store) leaves it absent. */
export const evolvePromiseRow = (
  row: PromiseRow | null,
  e: PromiseEvent,
  version: number,
): PromiseRow | null => {
  if (e.type === 'PromiseMade') {
    const d = e.data;
    return {
      promiseId: d.promiseId,
      accountId: d.accountId,
      debtorId: d.debtorId,
      creditorId: d.creditorId,
      currency: d.currency,
      amount: d.amount,
      paid: 0n,
      dueOn: d.dueOn,
      deadline: addDays(d.dueOn, d.rule.toleranceDays),
      status: 'open',
      ruleVersion: d.rule.version,
      decidedOn: null,
      madeAt: d.madeAt,
      version,
    };
  }
  if (!row) return null;
  switch (e.type) {
    case 'PromisePaymentRecorded':
    case 'PromisePaymentReversed':
      return { ...row, paid: e.data.paid, version };
    case 'PromiseKept':
      return { ...row, status: 'kept', decidedOn: e.data.decidedOn, version };
    case 'PromisePartiallyKept':
      return { ...row, status: 'partially_kept', decidedOn: e.data.decidedOn, version };
    case 'PromiseBroken':
      return { ...row, status: 'broken', decidedOn: e.data.decidedOn, version };
    case 'PromiseReopened':
      return { ...row, status: 'open', decidedOn: null, version };
    case 'PromiseCancelled':
      return { ...row, status: 'cancelled', version };
  }
};
