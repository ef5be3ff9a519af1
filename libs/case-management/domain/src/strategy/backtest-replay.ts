import { CaseSituation } from './case-situation';
import { Scorecard } from './scorecard';
import { strategyRunDecider } from './strategy-run';
import { ReSegmentReason, StrategyRunCommand } from './strategy-run.commands';
import { StrategyRunEvent } from './strategy-run.events';
import { StrategyRun } from './strategy-run.state';
import { StrategyDocument } from './strategy.document';
import { epochMs, Instant, instantOfEpochMs } from './time';

/** One recorded moment of a case: what it looked like from `at` on, and what changed. */
export type HistoryEntry = Readonly<{ at: Instant; situation: CaseSituation; reason?: ReSegmentReason }>;

/** A case's recorded history, oldest entry first. */
export type CaseHistory = Readonly<{ caseId: string; timeline: readonly HistoryEntry[] }>;

/** Half-open: from `from` (included) to `to` (excluded). */
export type BacktestPeriod = Readonly<{ from: Instant; to: Instant }>;

export type Candidate = Readonly<{ strategy: StrategyDocument; scorecard: Scorecard }>;

/**
 * Replays one case's history through the candidate, with no side effects: the case is assigned
 * as it stood when the period opened (or when it first appears), re-segmented at every recorded
 * entry, and its planned steps are fired when due. Facts change only at recorded entries; on a
 * tie, the entry (a payment, a hold) is applied before a step due at the same instant.
 */
export const replayCase = (
  history: CaseHistory,
  period: BacktestPeriod,
  candidate: Candidate,
): StrategyRunEvent[] => {
  const opening = openingOf(history.timeline, period);
  const end = epochMs(period.to);
  if (!opening || epochMs(opening.at) >= end) return [];
  const replay = replayOf(candidate, opening.entry.situation);
  replay.assign(opening.at);
  let next = opening.next;
  for (;;) {
    const entry = history.timeline[next];
    const entryMs = entry ? epochMs(entry.at) : Infinity;
    const dueMs = replay.dueMs();
    if (Math.min(entryMs, dueMs) >= end) return replay.events;
    if (entry && entryMs <= dueMs) {
      replay.record(entry);
      next++;
    } else replay.fire(dueMs);
  }
};

/** The entry in force when the period opens (the last one before it), else the first one in it. */
const openingOf = (timeline: readonly HistoryEntry[], period: BacktestPeriod) => {
  const from = epochMs(period.from);
  const first = timeline.findIndex((entry) => epochMs(entry.at) >= from);
  const inPeriod = first === -1 ? timeline.length : first;
  if (inPeriod > 0) return { entry: timeline[inPeriod - 1], at: period.from, next: inPeriod };
  return timeline.length > 0 ? { entry: timeline[0], at: timeline[0].at, next: 1 } : null;
};

/** The case's run during a replay: each step decided and folded, as the service would. */
const replayOf = (candidate: Candidate, opening: CaseSituation) => {
  const events: StrategyRunEvent[] = [];
  let state: StrategyRun = strategyRunDecider.initialState();
  let situation = opening;
  let now = -Infinity;
  const apply = (command: StrategyRunCommand) => {
    for (const event of strategyRunDecider.decide(command, state)) {
      state = strategyRunDecider.evolve(state, event);
      events.push(event);
    }
  };
  const schedule = (plannedAt: Instant) => apply({ type: 'ScheduleNext', data: { situation, plannedAt } });
  return {
    events,
    /** When the planned step is due, or now if that has passed (a late plan fires at once). */
    dueMs: () =>
      state.status === 'running' && state.planned ? Math.max(epochMs(state.planned.dueAt), now) : Infinity,
    assign: (at: Instant) => {
      now = epochMs(at);
      apply({ type: 'AssignStrategy', data: { ...candidate, facts: situation.facts, assignedAt: at } });
      schedule(at);
    },
    record: (entry: HistoryEntry) => {
      situation = entry.situation;
      now = epochMs(entry.at);
      const reason = entry.reason ?? 'scheduled';
      apply({
        type: 'ReSegment',
        data: { ...candidate, facts: situation.facts, reason, resegmentedAt: entry.at },
      });
      schedule(entry.at);
    },
    fire: (ms: number) => {
      now = ms;
      const at = instantOfEpochMs(ms);
      apply({ type: 'FireDueStep', data: { situation, firedAt: at } });
      schedule(at);
    },
  };
};
