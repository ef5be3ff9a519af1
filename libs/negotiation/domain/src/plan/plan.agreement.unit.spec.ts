import { violates } from '../shared/errors';
import { agreePlan, given, pay, planAgreed, policy } from './plan.fixtures';

describe('payment plan: agreeing it', () => {
  it('schedules the instalments from the terms', () => given([]).when(agreePlan()).then([planAgreed()]));
  it('decides nothing when the same plan is agreed again', () =>
    given([planAgreed()]).when(agreePlan()).thenNothingHappened());
  it('decides nothing when the request is retried later', () =>
    given([planAgreed()])
      .when(agreePlan({ agreedAt: '2025-01-11T15:00:00Z' }))
      .thenNothingHappened());
  it('refuses a different plan under the same id', () =>
    given([planAgreed()])
      .when(agreePlan({ accountId: '0b7e3c1a-9d2f-4e5a-8b6c-000000000000' }))
      .thenThrows(violates('already_exists')));
  it('refuses terms that cannot be scheduled', () =>
    given([])
      .when(agreePlan({ terms: { ...planAgreed().data.terms, size: { instalments: 0 } } }))
      .thenThrows(violates('invalid_terms')));
  it('refuses an unusable missed-instalment policy', () =>
    given([])
      .when(agreePlan({ policy: { ...policy, graceDays: -1 } }))
      .thenThrows(violates('invalid_terms')));
  it('refuses payments on a plan never agreed', () =>
    given([]).when(pay('pay-1', 1n)).thenThrows(violates('not_found')));
});
