import { violates } from '../shared/errors';
import { paymentSchedule } from './payment-schedule';
import { ScheduleTerms } from './schedule.types';

const terms = (overrides: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  principal: 1_000_00n,
  currency: 'USD',
  firstDueOn: '2025-01-31',
  frequency: { kind: 'monthly', dayOfMonth: 31 },
  size: { instalments: 3 },
  ...overrides,
});

const rejection = (t: ScheduleTerms): Error => {
  try {
    paymentSchedule(t);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the terms to be rejected');
};

describe('payment schedule', () => {
  it('splits an interest-free balance in equal instalments with the remainder on the last', () => {
    const schedule = paymentSchedule(terms());
    expect(schedule.instalments.map((i) => i.amount)).toEqual([333_33n, 333_33n, 333_34n]);
    expect(schedule).toMatchObject({ total: 1_000_00n, interest: 0n, regularAmount: 333_33n, remainder: 1n });
  });

  it('falls on the last day of months too short for the day of month', () =>
    expect(paymentSchedule(terms({ size: { instalments: 4 } })).instalments.map((i) => i.dueOn)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]));

  it('uses the 29th of February in a leap year', () =>
    expect(
      paymentSchedule(terms({ firstDueOn: '2024-01-30', frequency: { kind: 'monthly', dayOfMonth: 30 } }))
        .instalments[1].dueOn,
    ).toBe('2024-02-29'));

  it('steps weekly and biweekly instalments across month and year ends', () => {
    const weekly = paymentSchedule(terms({ firstDueOn: '2025-12-24', frequency: { kind: 'weekly' } }));
    const biweekly = paymentSchedule(terms({ firstDueOn: '2025-12-24', frequency: { kind: 'biweekly' } }));
    expect(weekly.instalments.map((i) => i.dueOn)).toEqual(['2025-12-24', '2025-12-31', '2026-01-07']);
    expect(biweekly.instalments.map((i) => i.dueOn)).toEqual(['2025-12-24', '2026-01-07', '2026-01-21']);
  });

  it('takes the down payment off first and schedules the rest', () => {
    const schedule = paymentSchedule(terms({ downPayment: { amount: 100_00n, dueOn: '2025-01-15' } }));
    expect(schedule.instalments.map((i) => [i.number, i.kind, i.amount])).toEqual([
      [0, 'down_payment', 100_00n],
      [1, 'instalment', 300_00n],
      [2, 'instalment', 300_00n],
      [3, 'instalment', 300_00n],
    ]);
  });

  it('sizes a plan by instalment amount, the last one paying what is left', () =>
    expect(
      paymentSchedule(terms({ size: { instalmentAmount: 300_00n } })).instalments.map((i) => i.amount),
    ).toEqual([300_00n, 300_00n, 300_00n, 100_00n]));

  it('amortises interest on the declining balance (12 % a year, 12 months)', () => {
    const schedule = paymentSchedule(terms({ size: { instalments: 12 }, annualRateBps: 12_00 }));
    // 1,000.00 at 1 % a month: the textbook annuity is 88.8487…
    expect(schedule.regularAmount).toBe(88_84n);
    expect(schedule.instalments[0]).toMatchObject({ interest: 10_00n, principal: 78_84n });
    expect(schedule.total).toBe(schedule.instalments.reduce((sum, i) => sum + i.amount, 0n));
    expect(schedule.interest).toBe(66_19n);
    expect(schedule.instalments[11].amount).toBe(88_95n);
  });

  it('names every failing field', () => {
    const error = rejection(
      terms({
        firstDueOn: '2025-02-30',
        frequency: { kind: 'monthly', dayOfMonth: 32 },
        downPayment: { amount: 2_000_00n, dueOn: 'soon' },
      }),
    );
    expect(violates('invalid_terms')(error)).toBe(true);
    expect(error.message).toMatch(/downPayment.amount.*downPayment.dueOn.*firstDueOn.*frequency.dayOfMonth/);
  });

  it('refuses more instalments than minor units to share', () =>
    expect(rejection(terms({ principal: 2n })).message).toMatch(/size.instalments/));

  it('refuses an instalment amount that never pays off the interest', () =>
    expect(rejection(terms({ size: { instalmentAmount: 10_00n }, annualRateBps: 12_00 })).message).toMatch(
      /size.instalmentAmount: does not cover the interest/,
    ));
});
