import { AccountCommand, AccrueInterest } from './account.commands';
import { violates } from './account.errors';
import { AccountEvent } from './account.events';
import {
  accountClosed,
  accountPlaced,
  given,
  interestCharged,
  placedState,
  postPayment,
  run,
} from './account.fixtures';
import { components } from './balance';

// 1,000.00 at 18.25 % is exactly 0.50 a day (18.25 % / 365 = 0.05 % a day): easy to check by hand.
const RATE = 1825;
const placed = (principal = 1_000_00n, annualRateBps = RATE) =>
  accountPlaced({
    balance: components({ principal }),
    interestTerms: { annualRateBps },
    placedAt: '2023-12-31T15:00:00Z', // 10:00 in Bogotá: accrual starts on 1 January 2024
  });
const accrue = (through: string): AccrueInterest => ({ type: 'AccrueInterest', data: { through } });

describe('AccrueInterest (actual/365 on principal)', () => {
  it('assesses January: 31 days × 0.50 = 15.50', () =>
    given([placed()])
      .when(accrue('2024-01-31'))
      .then([interestCharged(15_50n, '2024-01-01', '2024-01-31', 0n, RATE)]));

  it('assesses the 29 days of February 2024 after January (leap year, month end)', () =>
    given([placed(), interestCharged(15_50n, '2024-01-01', '2024-01-31', 0n, RATE)])
      .when(accrue('2024-02-29'))
      .then([interestCharged(14_50n, '2024-02-01', '2024-02-29', 0n, RATE)]));

  it('counts all 366 days of 2024 at 1/365 each: 183.00, i.e. 18.30 % not 18.25 %', () =>
    given([placed()])
      .when(accrue('2024-12-31'))
      .then([interestCharged(183_00n, '2024-01-01', '2024-12-31', 0n, RATE)]));

  it('counts 365 days in 2023: 182.50', () =>
    given([
      accountPlaced({
        balance: components({ principal: 1_000_00n }),
        interestTerms: { annualRateBps: RATE },
        placedAt: '2022-12-31T15:00:00Z',
      }),
    ])
      .when(accrue('2023-12-31'))
      .then([interestCharged(182_50n, '2023-01-01', '2023-12-31', 0n, RATE)]));

  it('rounds once over the span and carries the remainder: 10 % on 1,000.00 for 30 days = 8.21 (not 30 × 0.27 = 8.10)', () => {
    // 100,000 × 1,000 bps × 30 days = 3,000,000,000 / 3,650,000 = 821.9178… → 821, carry 3,350,000
    given([placed(1_000_00n, 1000)])
      .when(accrue('2024-01-30'))
      .then([interestCharged(8_21n, '2024-01-01', '2024-01-30', 3_350_000n, 1000)]);
    const daily = run(
      Array.from({ length: 30 }, (_, i) => accrue(`2024-01-${String(i + 1).padStart(2, '0')}`)),
      [placed(1_000_00n, 1000)],
    );
    expect(placedState(daily).balance.interest).toBe(8_21n);
    // the first day alone: 27.397… → 27, carry 100,000,000 − 27 × 3,650,000 = 1,450,000
    expect(daily[1]).toEqual(interestCharged(27n, '2024-01-01', '2024-01-01', 1_450_000n, 1000));
  });

  it('keeps sub-unit accrual without events until a whole unit is due (1.00 at 18.25 % = 0.05 units a day)', () => {
    given([placed(100n)])
      .when(accrue('2024-01-19'))
      .thenNothingHappened();
    given([placed(100n)])
      .when(accrue('2024-01-20'))
      .then([interestCharged(1n, '2024-01-01', '2024-01-20', 0n, RATE)]);
  });

  describe('exactly once per day', () => {
    const january = interestCharged(15_50n, '2024-01-01', '2024-01-31', 0n, RATE);
    it('decides nothing when the job runs twice for the same day', () =>
      given([placed(), january]).when(accrue('2024-01-31')).thenNothingHappened());
    it('decides nothing for a day already accrued', () =>
      given([placed(), january]).when(accrue('2024-01-15')).thenNothingHappened());
    it('catches up all missed days when the job is late', () =>
      given([placed(), january])
        .when(accrue('2024-02-10'))
        .then([interestCharged(5_00n, '2024-02-01', '2024-02-10', 0n, RATE)]));
  });

  it.each([
    ['no interest terms', accountPlaced()],
    ['a zero rate', placed(1_000_00n, 0)],
  ])('decides nothing with %s', (_, placement) =>
    given([placement]).when(accrue('2024-12-31')).thenNothingHappened(),
  );

  it('decides nothing on a closed account', () =>
    given([placed(), accountClosed({ reason: 'written_off' })])
      .when(accrue('2024-01-31'))
      .thenNothingHappened());

  it('refuses a malformed date', () =>
    given([placed()]).when(accrue('2024-1-31')).thenThrows(violates('invalid_command')));
});

describe('interest around changes of principal', () => {
  it('assesses interest to the day before a payment, which then sees it in the waterfall', () => {
    // 10 days × 0.50 = 5.00 first; 600.00 pays 5.00 interest + 595.00 principal → 405.00 left
    const events = run([postPayment({ amount: 600_00n, paidAt: '2024-01-11T15:00:00Z' })], [placed()]);
    expect(events.slice(1)).toEqual([
      interestCharged(5_00n, '2024-01-01', '2024-01-10', 0n, RATE),
      expect.objectContaining({
        type: 'PaymentPosted',
        data: expect.objectContaining({ allocation: components({ interest: 5_00n, principal: 595_00n }) }),
      }),
    ]);
    // 11–20 Jan on 405.00: 10 × 0.2025 = 2.025 → 2.02, carry 0.5 unit = 1,825,000
    given(events)
      .when(accrue('2024-01-20'))
      .then([interestCharged(2_02n, '2024-01-11', '2024-01-20', 1_825_000n, RATE)]);
    // 21 Jan: 0.2025 + 0.005 carried = 0.2075 → 0.20, carry 0.75 unit = 2,737,500
    const after20 = run([accrue('2024-01-20')], events);
    given(after20)
      .when(accrue('2024-01-21'))
      .then([interestCharged(20n, '2024-01-21', '2024-01-21', 2_737_500n, RATE)]);
  });

  it('counts a principal adjustment from its day, even when assessed later', () => {
    // 1–10 Jan on 1,000.00 (5.00) + 11–20 Jan on 500.00 (2.50) = 7.50
    const halve: AccountCommand = {
      type: 'ApplyAdjustment',
      data: {
        adjustmentId: 'adj-1',
        delta: { principal: -500_00n },
        currency: 'USD',
        reason: 'correction',
        appliedAt: '2024-01-11T15:00:00Z',
      },
    };
    const events = run([halve], [placed()]);
    given(events)
      .when(accrue('2024-01-20'))
      .then([interestCharged(7_50n, '2024-01-01', '2024-01-20', 0n, RATE)]);
  });

  it('accrues nothing while a paid-off account stood closed, and resumes after a reversal reopens it', () => {
    const payOff = postPayment({ amount: 1_005_00n, paidAt: '2024-01-11T15:00:00Z' }); // 5.00 interest + 1,000.00
    const reverse: AccountCommand = {
      type: 'ReversePayment',
      data: { paymentId: 'pay-1', reason: 'insufficient_funds', reversedAt: '2024-02-10T15:00:00Z' },
    };
    const events = run([payOff, accrue('2024-01-31'), reverse], [placed()]);
    expect(events.slice(1).map((e) => e.type)).toEqual([
      'ChargeAssessed',
      'PaymentPosted',
      'AccountClosed',
      'PaymentReversed',
      'AccountReopened',
    ]);
    // 10–15 Feb on 1,000.00 again: 6 × 0.50 = 3.00; the 30 closed days accrued on a zero principal
    given(events)
      .when(accrue('2024-02-15'))
      .then([interestCharged(3_00n, '2024-01-11', '2024-02-15', 0n, RATE)]);
  });
});

describe('rounding never drifts, whatever the schedule', () => {
  // 5,000.00 at 24.99 %, placed on 31 January 2024 (month end, leap February ahead), payments on
  // odd days and a principal correction on day 50; every schedule must end with the same interest and balance.
  const start = '2024-01-31';
  const DAYS = 150;
  const dayAt = (n: number) => new Date(Date.UTC(2024, 0, 31 + n)).toISOString().slice(0, 10);
  const payments = new Map<number, bigint>([
    [10, 137_13n],
    [29, 250_00n],
    [61, 1_000_00n],
    [95, 99_99n],
    [140, 7n],
  ]);
  const placement = accountPlaced({
    balance: components({ principal: 5_000_00n, fees: 10_00n }),
    interestTerms: { annualRateBps: 2499 },
    placedAt: `${start}T15:00:00Z`,
  });

  const ADJUSTMENT_DAY = 50;
  const correction: AccountCommand = {
    type: 'ApplyAdjustment',
    data: {
      adjustmentId: 'fix',
      delta: { principal: -300_00n },
      currency: 'USD',
      reason: 'correction',
      appliedAt: `${dayAt(ADJUSTMENT_DAY)}T17:00:00Z`,
    },
  };

  const runSchedule = (accrualDays: ReadonlySet<number>): AccountEvent[] => {
    const commands: AccountCommand[] = [];
    for (let day = 1; day <= DAYS; day++) {
      if (accrualDays.has(day)) commands.push(accrue(dayAt(day - 1)), accrue(dayAt(day - 1))); // run twice: idempotent
      const amount = payments.get(day);
      if (amount)
        commands.push(postPayment({ paymentId: `p${day}`, amount, paidAt: `${dayAt(day)}T17:00:00Z` }));
      if (day === ADJUSTMENT_DAY) commands.push(correction);
    }
    commands.push(accrue(dayAt(DAYS)));
    return run(commands, [placement]);
  };

  // An independent model: exact daily accrual on the end-of-day principal, interest assessed before each payment.
  const reference = () => {
    let exact = 0n,
      assessed = 0n,
      fees = 10_00n,
      interest = 0n,
      principal = 5_000_00n;
    const take = (owed: bigint, left: bigint) => (left < owed ? left : owed);
    for (let day = 1; day <= DAYS; day++) {
      const amount = payments.get(day);
      if (amount) {
        const due = exact / 3_650_000n - assessed;
        interest += due;
        assessed += due;
        let left = amount;
        const f = take(fees, left);
        fees -= f;
        left -= f;
        const i = take(interest, left);
        interest -= i;
        left -= i;
        const p = take(principal, left);
        principal -= p;
      }
      if (day === ADJUSTMENT_DAY) principal -= 300_00n;
      exact += principal * 2499n;
    }
    const due = exact / 3_650_000n - assessed;
    return {
      totalInterest: exact / 3_650_000n,
      balance: components({ principal, interest: interest + due, fees }),
    };
  };

  const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const randomDays = (seed: number, p: number) => {
    const next = lcg(seed);
    return new Set(Array.from({ length: DAYS }, (_, i) => i + 1).filter(() => next() < p));
  };
  const schedules: [string, Set<number>][] = [
    ['daily', new Set(Array.from({ length: DAYS }, (_, i) => i + 1))],
    ['weekly', new Set(Array.from({ length: DAYS }, (_, i) => i + 1).filter((d) => d % 7 === 0))],
    [
      'month ends',
      new Set(Array.from({ length: DAYS }, (_, i) => i + 1).filter((d) => dayAt(d).endsWith('-01'))),
    ],
    ['one catch-up', new Set<number>()],
    ...[1, 2, 3, 4, 5].map((seed): [string, Set<number>] => [`random #${seed}`, randomDays(seed, seed / 6)]),
  ];

  const totalInterestOf = (events: AccountEvent[]) =>
    events.reduce(
      (sum, e) => (e.type === 'ChargeAssessed' && e.data.kind === 'interest' ? sum + e.data.amount : sum),
      0n,
    );

  it.each(schedules)('%s: equals the exact accrual rounded once', (_, days) => {
    const events = runSchedule(days);
    const expected = reference();
    expect(totalInterestOf(events)).toBe(expected.totalInterest);
    expect(placedState(events).balance).toEqual(expected.balance);
  });

  it('rounding each day instead would have drifted (the test can tell)', () => {
    const { totalInterest } = reference();
    const perDay = (5_000_00n * 2499n) / 3_650_000n; // 342.3… truncated
    expect(perDay * BigInt(DAYS)).not.toBe(totalInterest);
  });
});
