import { violates } from '../shared/errors';
import { RenegotiatePlan } from './plan.commands';
import { PlanEvent } from './plan.events';
import { RenegotiationLimit } from './plan-policy';
import { given, paid, pay, planAgreed } from './plan.fixtures';

const limit: RenegotiationLimit = {
  version: 'acme-reneg-2025',
  effectiveFrom: '2025-01-01',
  maxRenegotiations: 2,
  periodDays: 365,
};
const renegotiate = (newPlanId = 'plan-2', renegotiatedOn = '2025-06-01'): RenegotiatePlan => ({
  type: 'RenegotiatePlan',
  data: {
    newPlanId,
    limit,
    renegotiatedOn,
    requestedBy: { kind: 'agent', id: 'agent-7' },
    reason: 'lost job',
  },
});
const renegotiated = (outstanding: bigint): PlanEvent => ({
  type: 'PlanRenegotiated',
  data: {
    newPlanId: 'plan-2',
    outstanding,
    limitVersion: limit.version,
    renegotiatedOn: '2025-06-01',
    requestedBy: { kind: 'agent', id: 'agent-7' },
    reason: 'lost job',
  },
});
const firstPaid = paid('pay-1', 100_00n, [{ number: 1, amount: 100_00n }]);
const chain = (renegotiations: string[]) => planAgreed({ replaces: { planId: 'plan-0', renegotiations } });

describe('payment plan: renegotiation', () => {
  it('replaces the plan, handing on what is still outstanding', () =>
    given([planAgreed(), firstPaid])
      .when(renegotiate())
      .then([renegotiated(200_00n)]));
  it('decides nothing when the same renegotiation is retried', () =>
    given([planAgreed(), renegotiated(300_00n)])
      .when(renegotiate())
      .thenNothingHappened());
  it('refuses to replace a plan already replaced by another', () =>
    given([planAgreed(), renegotiated(300_00n)])
      .when(renegotiate('plan-3'))
      .thenThrows(violates('already_closed')));
  it('refuses beyond the limit of renegotiations in the period', () =>
    given([chain(['2024-12-01', '2025-01-05'])])
      .when(renegotiate())
      .thenThrows(violates('renegotiation_limit_reached')));
  it('no longer counts renegotiations older than the period', () =>
    given([chain(['2024-05-31', '2025-01-05'])])
      .when(renegotiate())
      .then([renegotiated(300_00n)]));
  it('renegotiates a defaulted plan', () =>
    given([
      planAgreed(),
      {
        type: 'PlanDefaulted',
        data: { misses: 3, outstanding: 300_00n, policyVersion: 'v', defaultedOn: '2025-05-01' },
      },
    ])
      .when(renegotiate())
      .then([renegotiated(300_00n)]));
  it('takes no more payments once replaced (the new plan does)', () =>
    given([planAgreed(), renegotiated(300_00n)])
      .when(pay('pay-1', 10_00n))
      .thenNothingHappened());
});
