// `npm run bench:negotiation [-- --schedules 100000] [--promises 1000000]`: negotiation figures, pure
// domain, one JSON line each. 1. payment-plan schedules of varied terms (frequencies, sizes, interest);
// 2. promises evaluated against a day of payments: each promise is folded from PromiseMade, records
// that day's ledger payments on its account, then the daily check runs on it.
// Targets (issue 21): 100k schedules ≤ 5 s; 1M promises against a day of payments ≤ 60 s.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { paymentSchedule, promiseDecider } from '@cartera/negotiation-domain';
import type { PromiseEvent, PromiseToPay, ScheduleTerms } from '@cartera/negotiation-domain';

const print = (figure: string, values: Record<string, unknown>) =>
  console.log(JSON.stringify({ figure, ...values }));
const seconds = (from: number) => +((performance.now() - from) / 1000).toFixed(2);

const { values } = parseArgs({
  options: {
    schedules: { type: 'string', default: '100000' },
    promises: { type: 'string', default: '1000000' },
  },
});
const SCHEDULES = Number(values.schedules);
const PROMISES = Number(values.promises);

const termsOf = (i: number): ScheduleTerms => {
  const principal = 50_000n + BigInt((i * 7919) % 5_000_000);
  return {
    principal,
    currency: 'USD',
    firstDueOn: `2027-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    frequency:
      i % 3 === 0
        ? { kind: 'weekly' }
        : i % 3 === 1
          ? { kind: 'biweekly' }
          : { kind: 'monthly', dayOfMonth: 28 + (i % 4) },
    size:
      i % 5 === 0
        ? { instalmentAmount: principal / BigInt(4 + (i % 20)) + 1n }
        : { instalments: 3 + (i % 34) },
    ...(i % 2 === 0 ? { annualRateBps: 500 + (i % 3_000) } : {}),
    ...(i % 7 === 0 ? { downPayment: { amount: 5_000n, dueOn: '2026-12-20' } } : {}),
  };
};

/** Also with every plan starting on its own day: no two schedules share their due dates. */
const benchSchedules = (distinctFirstDates: boolean) => {
  const started = performance.now();
  let instalments = 0;
  const day0 = Temporal.PlainDate.from('2027-01-01');
  for (let i = 0; i < SCHEDULES; i++) {
    const terms = termsOf(i);
    const firstDueOn = distinctFirstDates ? day0.add({ days: i }).toString() : terms.firstDueOn;
    instalments += paymentSchedule({ ...terms, firstDueOn }).instalments.length;
  }
  const s = seconds(started);
  print(distinctFirstDates ? 'plan schedules, every first due date distinct' : 'plan schedules', {
    schedules: SCHEDULES,
    instalments,
    seconds: s,
    perSecond: Math.round(SCHEDULES / s),
    targetSeconds: 5,
  });
};

const RULE = {
  version: 'bench-1',
  effectiveFrom: '2026-01-01',
  toleranceDays: 3,
  keptAtBps: 9_500,
  partiallyKeptAtBps: 2_500,
};
const made = (i: number): PromiseEvent => ({
  type: 'PromiseMade',
  data: {
    promiseId: `p-${i}`,
    accountId: `a-${i}`,
    debtorId: `d-${i}`,
    creditorId: 'bench-bank',
    amount: 10_000n + BigInt(i % 90_000),
    currency: 'USD',
    dueOn: `2026-12-${String(1 + (i % 10)).padStart(2, '0')}`,
    channel: 'phone',
    takenBy: { kind: 'agent', id: 'agent-1' },
    rule: RULE,
    madeAt: '2026-11-20T15:00:00Z',
  },
});

/** The day's payments: one in three promises' accounts paid something, a few twice, some in full. */
const paymentsOf = (i: number, amount: bigint): bigint[] =>
  i % 3 !== 0 ? [] : i % 9 === 0 ? [amount] : i % 27 === 3 ? [amount / 2n, amount / 2n] : [amount / 3n];

const benchPromises = () => {
  const day = '2026-12-12';
  const outcomes: Record<string, number> = {};
  let payments = 0;
  const started = performance.now();
  for (let i = 0; i < PROMISES; i++) {
    const first = made(i);
    let state: PromiseToPay = promiseDecider.evolve(promiseDecider.initialState(), first);
    const amount = first.type === 'PromiseMade' ? first.data.amount : 0n;
    paymentsOf(i, amount).forEach((paid, n) => {
      const command = {
        type: 'RecordPayment' as const,
        data: { paymentId: `pay-${i}-${n}`, amount: paid, currency: 'USD', paidOn: day },
      };
      for (const e of promiseDecider.decide(command, state)) state = promiseDecider.evolve(state, e);
      payments++;
    });
    for (const e of promiseDecider.decide({ type: 'EvaluatePromise', data: { asOf: day } }, state))
      state = promiseDecider.evolve(state, e);
    outcomes[state.status] = (outcomes[state.status] ?? 0) + 1;
  }
  const s = seconds(started);
  print('promises evaluated against a day of payments', {
    promises: PROMISES,
    payments,
    outcomes,
    seconds: s,
    perSecond: Math.round(PROMISES / s),
    targetSeconds: 60,
  });
};

benchSchedules(false);
benchSchedules(true);
benchPromises();
