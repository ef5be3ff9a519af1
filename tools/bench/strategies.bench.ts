// `npm run bench:strategies [-- --cases 1000000] [--due 50000] [--backtest-cases 100000] [--days 30]`:
// collection-strategy figures, pure and in memory (the domain alone: no store, no bus), one JSON
// line each. Cases are generated deterministically (due dates over four months, five zones).
// 1. segment and schedule N cases: AssignStrategy + ScheduleNext each (score, segment, variant,
//    first step planned). Target (issue 22): 1M ≤ 60 s.
// 2. scheduler tick: FireDueStep + ScheduleNext for the `--due` cases whose step is due first;
//    the service finds them through its indexed next-step-due column, so only the deciding is
//    timed here. Target: 50k due among 1M ≤ 10 s.
// 3. back-test of `--days` days over `--backtest-cases` recorded histories. Target: 30 days over
//    100k ≤ 120 s.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  backtest,
  CaseFacts,
  CaseHistory,
  CaseSituation,
  DEFAULT_SCORECARD,
  StrategyDocument,
  strategyRunDecider,
  StrategyRun,
  StrategyRunCommand,
} from '@cartera/case-management-domain';
import { Temporal } from 'temporal-polyfill';

const print = (figure: string, values: Record<string, unknown>) =>
  console.log(JSON.stringify({ figure, ...values }));
const seconds = (from: number) => +((performance.now() - from) / 1000).toFixed(2);
const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1_048_576);

const ZONES = ['America/Bogota', 'America/Mexico_City', 'America/Lima', 'Europe/Madrid', 'America/Santiago'];
const AS_OF = Temporal.PlainDate.from('2026-03-01');
const NOW = '2026-03-01T12:00:00Z';
/** Due dates from 60 days before to 60 days after AS_OF. */
const DUE_DATES = Array.from({ length: 121 }, (_, d) => AS_OF.add({ days: d - 60 }).toString());
const TAGS: readonly (readonly string[])[] = [[], [], [], ['vip'], ['bankruptcy']];

const strategy: StrategyDocument = {
  strategyId: 'bench',
  version: 1,
  name: 'Bench strategy',
  effectiveFrom: '2026-01-01',
  experiment: {
    id: 'bench-2026',
    variants: [
      { id: 'champion', share: 80 },
      { id: 'challenger', share: 20 },
    ],
  },
  segments: [
    {
      id: 'good-payer',
      when: {
        all: [
          { fact: 'dpd', op: 'lte', value: 0 },
          { fact: 'onTimePayments', op: 'gte', value: 6 },
        ],
      },
      path: {
        steps: [
          {
            id: 'courtesy',
            kind: 'send_message',
            channel: 'email',
            templateId: 'courtesy',
            offsetDays: -3,
            from: 'due_date',
          },
        ],
      },
    },
    {
      id: 'early',
      when: {
        all: [
          { fact: 'dpd', op: 'lte', value: 30 },
          { fact: 'balanceMinor', op: 'gte', value: '5000', currency: 'COP' },
          { not: { fact: 'tags', op: 'in', values: ['bankruptcy'] } },
        ],
      },
      path: {
        steps: [
          {
            id: 'pre-due',
            kind: 'send_message',
            channel: 'sms',
            templateId: 'pre-due',
            offsetDays: -2,
            from: 'due_date',
          },
          {
            id: 'soft',
            kind: 'send_message',
            channel: 'email',
            templateId: 'soft',
            fallbackChannel: 'sms',
            offsetDays: 3,
            from: 'due_date',
          },
          {
            id: 'firm',
            kind: 'send_message',
            channel: 'letter',
            templateId: 'firm',
            offsetDays: 15,
            from: 'due_date',
          },
          {
            id: 'call',
            kind: 'create_task',
            queue: 'early',
            title: 'Call',
            offsetDays: 20,
            from: 'due_date',
          },
          { id: 'legal', kind: 'escalate', to: 'legal_review', offsetDays: 30, from: 'previous_step' },
        ],
      },
      variantPaths: {
        challenger: {
          steps: [
            {
              id: 'soft',
              kind: 'send_message',
              channel: 'whatsapp',
              templateId: 'soft',
              offsetDays: 1,
              from: 'due_date',
            },
            { id: 'legal', kind: 'escalate', to: 'legal_review', offsetDays: 40, from: 'previous_step' },
          ],
        },
      },
    },
    {
      id: 'late',
      path: {
        steps: [
          {
            id: 'firm',
            kind: 'send_message',
            channel: 'letter',
            templateId: 'firm',
            offsetDays: 0,
            from: 'previous_step',
          },
          { id: 'agency', kind: 'escalate', to: 'agency_placement', offsetDays: 30, from: 'previous_step' },
        ],
      },
    },
  ],
};

const dueDateOf = (i: number) => DUE_DATES[(i * 7919) % DUE_DATES.length];

const factsOf = (i: number, dpd: number): CaseFacts => ({
  caseId: `case-${i}`,
  dpd,
  bucket: dpd <= 0 ? 'current' : dpd <= 30 ? '1-30' : '31-60',
  balanceMinor: BigInt(100_000 + ((i * 104_729) % 5_000_000)),
  currency: 'COP',
  product: i % 3 === 0 ? 'loan' : 'card',
  creditorId: `bank-${i % 4}`,
  jurisdiction: 'CO',
  promisesKept: i % 4,
  promisesBroken: i % 3,
  onTimePayments: i % 10,
  respondsOn: i % 2 === 0 ? ['sms'] : ['email'],
  tags: TAGS[i % TAGS.length],
});

const situationOf = (i: number, asOf = AS_OF): CaseSituation => {
  const dueDate = dueDateOf(i);
  const dpd = Math.max(0, Temporal.PlainDate.from(dueDate).until(asOf).days);
  return {
    facts: factsOf(i, dpd),
    dueDate,
    timeZone: ZONES[i % ZONES.length],
    lastPaymentRecordedAt: null,
    hold: null,
    promise: i % 50 === 0 ? { dueOn: '2026-03-05' } : null,
    disputed: false,
  };
};

/** Decides and folds, as the service's command handler would. */
const run = (state: StrategyRun, command: StrategyRunCommand): StrategyRun =>
  strategyRunDecider.decide(command, state).reduce(strategyRunDecider.evolve, state);

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const segmentAndSchedule = (n: number) => {
  const states: StrategyRun[] = new Array(n);
  const segments: Record<string, number> = {};
  const variants: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const situation = situationOf(i);
    const assigned = run(strategyRunDecider.initialState(), {
      type: 'AssignStrategy',
      data: { strategy, scorecard: DEFAULT_SCORECARD, facts: situation.facts, assignedAt: NOW },
    });
    states[i] = run(assigned, { type: 'ScheduleNext', data: { situation, plannedAt: NOW } });
  }
  const elapsed = seconds(started);
  let planned = 0;
  for (const state of states) {
    if (state.status === 'not_assigned') continue;
    bump(segments, state.placement.segmentId);
    bump(variants, state.placement.variantId ?? 'none');
    if (state.planned) planned++;
  }
  print('segment_and_schedule', {
    cases: n,
    seconds: elapsed,
    cases_per_second: Math.round(n / elapsed),
    target_seconds: 60,
    planned,
    segments,
    variants,
    heap_mb: heapMb(),
  });
  return states;
};

const epochOf = (state: StrategyRun) =>
  state.status === 'running' && state.planned
    ? Temporal.Instant.from(state.planned.dueAt).epochMilliseconds
    : Infinity;

const schedulerTick = (states: StrategyRun[], due: number) => {
  const order = states.map((state, i) => ({ i, at: epochOf(state) })).filter((c) => c.at !== Infinity);
  order.sort((a, b) => a.at - b.at);
  const batch = order.slice(0, due);
  const tickAt = Temporal.Instant.fromEpochMilliseconds(batch[batch.length - 1].at).toString();
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  for (const { i } of batch) {
    const situation = situationOf(i, AS_OF.add({ days: 1 }));
    const fired = strategyRunDecider.decide(
      { type: 'FireDueStep', data: { situation, firedAt: tickAt } },
      states[i],
    );
    for (const event of fired) bump(outcomes, event.type);
    const after = fired.reduce(strategyRunDecider.evolve, states[i]);
    states[i] = run(after, { type: 'ScheduleNext', data: { situation, plannedAt: tickAt } });
  }
  const elapsed = seconds(started);
  print('scheduler_tick', {
    cases: states.length,
    due: batch.length,
    tick_at: tickAt,
    seconds: elapsed,
    steps_per_second: Math.round(batch.length / elapsed),
    target_seconds: 10,
    outcomes,
  });
};

/** Each history: the case as placed before the period, a payment for one in five, a bucket change for one in three. */
const historyOf = (i: number, days: number): CaseHistory => {
  const opening = situationOf(i);
  const later = (day: number, hour: number) =>
    Temporal.Instant.from(NOW)
      .add({ hours: day * 24 + hour })
      .toString();
  const timeline: { at: string; situation: CaseSituation; reason?: 'payment' | 'bucket_changed' }[] = [
    { at: '2026-02-28T08:00:00Z', situation: opening },
  ];
  if (i % 3 === 0) {
    const dpd = opening.facts.dpd + 10;
    timeline.push({
      at: later(Math.min(10, days - 1), 1),
      situation: { ...opening, facts: { ...opening.facts, dpd, bucket: dpd <= 30 ? '1-30' : '31-60' } },
      reason: 'bucket_changed',
    });
  }
  if (i % 5 === 0) {
    const at = later((i * 13) % days, 3);
    timeline.push({
      at,
      situation: { ...timeline[timeline.length - 1].situation, lastPaymentRecordedAt: at },
      reason: 'payment',
    });
  }
  timeline.sort((a, b) => Temporal.Instant.compare(a.at, b.at));
  return { caseId: `case-${i}`, timeline };
};

const backtestFigure = (n: number, days: number) => {
  const histories = Array.from({ length: n }, (_, i) => historyOf(i, days));
  const period = {
    from: NOW,
    to: Temporal.Instant.from(NOW)
      .add({ hours: days * 24 })
      .toString(),
  };
  const started = performance.now();
  const report = backtest({ strategy, scorecard: DEFAULT_SCORECARD }, histories, period);
  const elapsed = seconds(started);
  const summary = Object.fromEntries(
    Object.entries(report.variants).map(([id, v]) => [
      id,
      { cases: v.cases, fired: v.stepsFired, cancelled: v.stepsCancelled },
    ]),
  );
  print('backtest', {
    cases: n,
    days,
    seconds: elapsed,
    target_seconds: 120,
    variants: summary,
    heap_mb: heapMb(),
  });
};

const main = () => {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      due: { type: 'string' },
      'backtest-cases': { type: 'string' },
      days: { type: 'string' },
    },
  });
  const cases = Number(values.cases ?? 1_000_000);
  const states = segmentAndSchedule(cases);
  schedulerTick(states, Math.min(Number(values.due ?? 50_000), cases));
  backtestFigure(Number(values['backtest-cases'] ?? 100_000), Number(values.days ?? 30));
};

main();
