import { DeciderSpecification } from '@cartera/decider';
import { MakePromise, RecordPayment } from './promise.commands';
import { PromiseEvent, PromiseMade } from './promise.events';
import { PromiseRule } from './promise-rule';
import { promiseDecider } from './index';

// Builders for the specifications: a promise of 200.00 due 2025-03-10, kept at 95 %, 3 days' grace.

export const given = DeciderSpecification.for(promiseDecider);

export const rule: PromiseRule = {
  version: 'acme-2025-01',
  effectiveFrom: '2025-01-01',
  toleranceDays: 3,
  keptAtBps: 9_500,
  partiallyKeptAtBps: 2_500,
};

export const terms = (overrides: Partial<PromiseMade['data']> = {}): PromiseMade['data'] => ({
  promiseId: 'p-1',
  accountId: '6f1c8f7e-2a4b-5c3d-9e8f-0a1b2c3d4e5f',
  debtorId: '0b7e3c1a-9d2f-4e5a-8b6c-1d2e3f4a5b6c',
  creditorId: 'acme-bank',
  amount: 200_00n,
  currency: 'USD',
  dueOn: '2025-03-10',
  channel: 'phone',
  takenBy: { kind: 'agent', id: 'agent-7' },
  rule,
  madeAt: '2025-03-01T15:00:00Z',
  ...overrides,
});

export const makePromise = (overrides: Partial<MakePromise['data']> = {}): MakePromise => ({
  type: 'MakePromise',
  data: { ...terms(), ...overrides },
});
export const promiseMade = (overrides: Partial<PromiseMade['data']> = {}): PromiseMade => ({
  type: 'PromiseMade',
  data: terms(overrides),
});

export const recordPayment = (paymentId: string, amount: bigint, paidOn = '2025-03-09'): RecordPayment => ({
  type: 'RecordPayment',
  data: { paymentId, amount, currency: 'USD', paidOn },
});
export const paymentRecorded = (
  paymentId: string,
  amount: bigint,
  paidOn = '2025-03-09',
  paid = amount,
): PromiseEvent => ({ type: 'PromisePaymentRecorded', data: { paymentId, amount, paidOn, paid } });

export const decision = (paid: bigint, decidedOn: string) => ({ paid, ruleVersion: rule.version, decidedOn });
