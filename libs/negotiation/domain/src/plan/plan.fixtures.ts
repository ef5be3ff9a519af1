import { DeciderSpecification } from '@cartera/decider';
import { AgreePlan, RecordPlanPayment } from './plan.commands';
import { Applied, PlanAgreed, PlanEvent } from './plan.events';
import { MissedInstalmentPolicy } from './plan-policy';
import { planDecider } from './index';

// Builders for the specifications: 300.00 in three monthly instalments of 100.00 from 2025-01-31,
// 5 grace days, shortfalls appended to the end, default at the third miss.

export const given = DeciderSpecification.for(planDecider);

export const policy: MissedInstalmentPolicy = {
  version: 'acme-missed-2025-01',
  effectiveFrom: '2025-01-01',
  graceDays: 5,
  carry: 'append_to_end',
  defaultAfterMisses: 3,
};

export const agreement = (overrides: Partial<AgreePlan['data']> = {}): AgreePlan['data'] => ({
  planId: 'plan-1',
  accountId: '6f1c8f7e-2a4b-5c3d-9e8f-0a1b2c3d4e5f',
  debtorId: '0b7e3c1a-9d2f-4e5a-8b6c-1d2e3f4a5b6c',
  creditorId: 'acme-bank',
  terms: {
    principal: 300_00n,
    currency: 'USD',
    firstDueOn: '2025-01-31',
    frequency: { kind: 'monthly', dayOfMonth: 31 },
    size: { instalments: 3 },
  },
  policy,
  replaces: null,
  agreedBy: { kind: 'agent', id: 'agent-7' },
  agreedAt: '2025-01-10T15:00:00Z',
  ...overrides,
});

export const agreePlan = (overrides: Partial<AgreePlan['data']> = {}): AgreePlan => ({
  type: 'AgreePlan',
  data: agreement(overrides),
});

export const planAgreed = (overrides: Partial<AgreePlan['data']> = {}): PlanAgreed => ({
  type: 'PlanAgreed',
  data: {
    ...agreement(overrides),
    instalments: [
      { number: 1, dueOn: '2025-01-31', amount: 100_00n },
      { number: 2, dueOn: '2025-02-28', amount: 100_00n },
      { number: 3, dueOn: '2025-03-31', amount: 100_00n },
    ],
    total: 300_00n,
  },
});

export const pay = (paymentId: string, amount: bigint, paidOn = '2025-01-30'): RecordPlanPayment => ({
  type: 'RecordPlanPayment',
  data: { paymentId, amount, currency: 'USD', paidOn },
});

export const paid = (
  paymentId: string,
  amount: bigint,
  applied: Applied[],
  unapplied = 0n,
  paidOn = '2025-01-30',
): PlanEvent => ({ type: 'PlanPaymentRecorded', data: { paymentId, amount, paidOn, applied, unapplied } });

export const evaluate = (asOf: string) => ({ type: 'EvaluatePlan' as const, data: { asOf } });

export const missed = (
  number: number,
  dueOn: string,
  shortfall: bigint,
  misses: number,
  asOf: string,
): PlanEvent => ({
  type: 'InstalmentMissed',
  data: { number, dueOn, shortfall, misses, policyVersion: policy.version, asOf },
});
