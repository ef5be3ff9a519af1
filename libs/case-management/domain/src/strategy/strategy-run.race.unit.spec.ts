import { CaseSituation } from './case-situation';
import { strategyRunDecider } from './strategy-run';
import { StrategyRunCommand } from './strategy-run.commands';
import { StrategyRunEvent } from './strategy-run.events';
import { assignStrategy, situation } from './strategy-run.fixtures';
import { StrategyRun } from './strategy-run.state';

// Property-style: thousands of random interleavings of the scheduler's commands (fire, then plan,
// at random ticks over six weeks) with one payment — or one open-ended hold — recorded at a random
// point between any two commands, sometimes at the very instant of a tick. Plans may be made on a
// stale read of the case (the scheduler read it before the payment landed); the fire re-check
// reads the case as it is when it decides. Seeded, so a failure replays.

/** mulberry32: a tiny seeded generator, so every run explores the same interleavings. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const START = Date.parse('2026-02-01T15:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Slot = { command: 'fire' | 'schedule'; at: number };
type Interruption = { kind: 'payment' | 'hold'; full: boolean; at: number; beforeSlot: number };
type Outcome = { event: StrategyRunEvent; slot: number }[];

/** Fire then schedule at each of 20 ticks a few hours to four days apart. */
const slotsOf = (random: () => number): Slot[] => {
  let at = START;
  return Array.from({ length: 20 }, () => (at += Math.floor(random() * 4 * DAY))).flatMap((tick) => [
    { command: 'fire' as const, at: tick },
    { command: 'schedule' as const, at: tick },
  ]);
};

const interruptionOf = (kind: Interruption['kind'], slots: Slot[], random: () => number): Interruption => {
  const beforeSlot = 1 + Math.floor(random() * (slots.length - 1));
  const previous = slots[beforeSlot - 1].at;
  const gap = slots[beforeSlot].at - previous;
  const at = random() < 0.5 ? previous : previous + Math.floor(random() * gap);
  return { kind, full: random() < 0.3, at, beforeSlot };
};

/** The case as a read at `slot` sees it: the interruption is there when recorded before that slot. */
const caseAt = (i: Interruption, slot: number): CaseSituation => {
  if (slot < i.beforeSlot) return situation();
  if (i.kind === 'hold') return situation({ hold: { until: null } });
  return situation({ lastPaymentRecordedAt: iso(i.at) }, { balanceMinor: i.full ? 0n : 100_00n });
};

const run = (slots: Slot[], i: Interruption, random: () => number): Outcome => {
  const decide = (command: StrategyRunCommand, state: StrategyRun) =>
    strategyRunDecider.decide(command, state);
  let state = strategyRunDecider.evolve(
    strategyRunDecider.initialState(),
    decide(assignStrategy(), { status: 'not_assigned' })[0],
  );
  const outcome: Outcome = [];
  slots.forEach((slot, index) => {
    // Plans may be made on a read up to two commands old; a fire reads the case as it is now.
    const readAt = slot.command === 'schedule' ? index - Math.floor(random() * 3) : index;
    const s = caseAt(i, readAt);
    const command: StrategyRunCommand =
      slot.command === 'fire'
        ? { type: 'FireDueStep', data: { situation: s, firedAt: iso(slot.at) } }
        : { type: 'ScheduleNext', data: { situation: s, plannedAt: iso(slot.at) } };
    for (const event of decide(command, state)) {
      state = strategyRunDecider.evolve(state, event);
      outcome.push({ event, slot: index });
    }
  });
  return outcome;
};

/** The slot each occurrence was planned at, by idempotency key. */
const plannedAt = (outcome: Outcome) =>
  new Map(
    outcome.flatMap(({ event, slot }) =>
      event.type === 'StepPlanned' ? [[event.data.idempotencyKey, slot]] : [],
    ),
  );

const RUNS = 3_000;

describe('a payment or a hold racing a due step', () => {
  it('never fires a step planned before a payment once the payment is recorded', () => {
    const random = seeded(22);
    let raced = 0;
    for (let n = 0; n < RUNS; n++) {
      const slots = slotsOf(random);
      const payment = interruptionOf('payment', slots, random);
      const outcome = run(slots, payment, random);
      const planned = plannedAt(outcome);
      for (const { event, slot } of outcome) {
        if (event.type === 'StepCancelled' && event.data.reason === 'payment_received') raced++;
        if (event.type !== 'StepFired' || slot < payment.beforeSlot) continue;
        expect(payment.full).toBe(false); // nothing at all after a payment in full
        expect(planned.get(event.data.idempotencyKey)).toBeGreaterThanOrEqual(payment.beforeSlot);
      }
    }
    // The property only means something if payments really did land between plan and fire.
    expect(raced).toBeGreaterThan(RUNS / 10);
  });

  it('never fires a step once an open-ended hold is recorded', () => {
    const random = seeded(23);
    let held = 0;
    for (let n = 0; n < RUNS; n++) {
      const slots = slotsOf(random);
      const hold = interruptionOf('hold', slots, random);
      const outcome = run(slots, hold, random);
      const after = outcome.filter(({ slot }) => slot >= hold.beforeSlot);
      held += after.filter(({ event }) => event.type === 'StepCancelled').length;
      expect(after.filter(({ event }) => event.type === 'StepFired')).toEqual([]);
    }
    expect(held).toBeGreaterThan(RUNS / 10);
  });

  it('fires every step of a case nobody pays or holds, each occurrence once', () => {
    const slots = slotsOf(seeded(24));
    const never: Interruption = { kind: 'payment', full: false, at: 0, beforeSlot: Infinity };
    const fired = run(slots, never, seeded(25)).flatMap(({ event }) =>
      event.type === 'StepFired' ? [event.data.idempotencyKey] : [],
    );
    expect(fired.length).toBeGreaterThan(0);
    expect(new Set(fired).size).toBe(fired.length);
  });
});
