import { PlanEvent } from './plan.events';
import { evaluate, given, missed, paid, pay, planAgreed, policy } from './plan.fixtures';

const appended = (fromNumber: number, number: number, dueOn: string, amount: bigint): PlanEvent => ({
  type: 'MissedAmountAppended',
  data: { fromNumber, instalment: { number, dueOn, amount }, policyVersion: policy.version },
});
const respreadPlan = planAgreed({ policy: { ...policy, carry: 'respread_remaining' } });
const partOfFirst = paid('pay-1', 40_00n, [{ number: 1, amount: 40_00n }]);

describe('payment plan: missed instalments', () => {
  it('waits for the grace days to pass', () =>
    given([planAgreed(), partOfFirst]).when(evaluate('2025-02-05')).thenNothingHappened());
  it('misses a short instalment and appends its shortfall to the end', () =>
    given([planAgreed(), partOfFirst])
      .when(evaluate('2025-02-06'))
      .then([missed(1, '2025-01-31', 60_00n, 1, '2025-02-06'), appended(1, 4, '2025-04-30', 60_00n)]));
  it('re-spreads the shortfall over the instalments not yet due', () =>
    given([respreadPlan, partOfFirst])
      .when(evaluate('2025-02-06'))
      .then([
        missed(1, '2025-01-31', 60_00n, 1, '2025-02-06'),
        {
          type: 'MissedAmountRespread',
          data: {
            fromNumber: 1,
            added: [
              { number: 2, amount: 30_00n },
              { number: 3, amount: 30_00n },
            ],
            policyVersion: policy.version,
          },
        },
      ]));
  it('appends when no instalment is left to re-spread over', () =>
    given([
      respreadPlan,
      paid('pay-1', 200_00n, [
        { number: 1, amount: 100_00n },
        { number: 2, amount: 100_00n },
      ]),
    ])
      .when(evaluate('2025-04-06'))
      .then([missed(3, '2025-03-31', 100_00n, 1, '2025-04-06'), appended(3, 4, '2025-04-30', 100_00n)]));
  it('misses every overdue instalment in turn', () =>
    given([planAgreed()])
      .when(evaluate('2025-03-06'))
      .then([
        missed(1, '2025-01-31', 100_00n, 1, '2025-03-06'),
        appended(1, 4, '2025-04-30', 100_00n),
        missed(2, '2025-02-28', 100_00n, 2, '2025-03-06'),
        appended(2, 5, '2025-05-31', 100_00n),
      ]));
  it('defaults the plan at the miss the policy counts to', () =>
    given([
      planAgreed(),
      missed(1, '2025-01-31', 100_00n, 1, '2025-03-06'),
      appended(1, 4, '2025-04-30', 100_00n),
      missed(2, '2025-02-28', 100_00n, 2, '2025-03-06'),
      appended(2, 5, '2025-05-31', 100_00n),
    ])
      .when(evaluate('2025-04-06'))
      .then([
        missed(3, '2025-03-31', 100_00n, 3, '2025-04-06'),
        {
          type: 'PlanDefaulted',
          data: { misses: 3, outstanding: 300_00n, policyVersion: policy.version, defaultedOn: '2025-04-06' },
        },
      ]));
  it('pays a carried shortfall where it now is, oldest first', () =>
    given([
      planAgreed(),
      partOfFirst,
      missed(1, '2025-01-31', 60_00n, 1, '2025-02-06'),
      appended(1, 4, '2025-04-30', 60_00n),
    ])
      .when(pay('pay-2', 100_00n, '2025-02-20'))
      .then([paid('pay-2', 100_00n, [{ number: 2, amount: 100_00n }], 0n, '2025-02-20')]));
  it('does not miss the same instalment twice', () =>
    given([
      planAgreed(),
      partOfFirst,
      missed(1, '2025-01-31', 60_00n, 1, '2025-02-06'),
      appended(1, 4, '2025-04-30', 60_00n),
    ])
      .when(evaluate('2025-02-07'))
      .thenNothingHappened());
  it('takes no more payments and decides nothing once defaulted', () => {
    const defaulted: PlanEvent = {
      type: 'PlanDefaulted',
      data: { misses: 1, outstanding: 300_00n, policyVersion: policy.version, defaultedOn: '2025-02-06' },
    };
    const history = [planAgreed(), missed(1, '2025-01-31', 100_00n, 1, '2025-02-06'), defaulted];
    given(history).when(evaluate('2025-05-01')).thenNothingHappened();
    given(history).when(pay('pay-1', 10_00n)).thenNothingHappened();
  });
});
