import { DeciderSpecification } from '@cartera/decider';
import { CaseFacts } from './case-facts';
import { caseFacts } from './case-facts.fixtures';
import { CaseSituation } from './case-situation';
import { DEFAULT_SCORECARD } from './scorecard';
import { strategyRunDecider } from './strategy-run';
import { AssignStrategy, FireDueStep, ReSegment, ScheduleNext } from './strategy-run.commands';
import {
  SegmentPlacement,
  StepCancelled,
  StepFired,
  StepPlanned,
  StrategyAssigned,
} from './strategy-run.events';
import { cardsStrategy } from './strategy.fixtures';

// The scenario every spec starts from: case-1 (hash point 54 in cards-2026: the champion) owes
// 250.00 USD, due 2026-02-10 in New York (UTC−5 in February), assigned on 1 February before it
// is due: segment `early`, score 75 (50 + 20 not past due + 5 no broken promise), band medium.

export const given = DeciderSpecification.for(strategyRunDecider);

export const situation = (
  overrides: Partial<CaseSituation> = {},
  facts: Partial<CaseFacts> = {},
): CaseSituation => ({
  facts: caseFacts({ dpd: 0, ...facts }),
  dueDate: '2026-02-10',
  timeZone: 'America/New_York',
  lastPaymentRecordedAt: null,
  hold: null,
  promise: null,
  disputed: false,
  ...overrides,
});

export const assignStrategy = (overrides: Partial<AssignStrategy['data']> = {}): AssignStrategy => ({
  type: 'AssignStrategy',
  data: {
    strategy: cardsStrategy,
    scorecard: DEFAULT_SCORECARD,
    facts: caseFacts({ dpd: 0 }),
    assignedAt: '2026-02-01T15:00:00Z',
    ...overrides,
  },
});

export const reSegment = (overrides: Partial<ReSegment['data']> = {}): ReSegment => ({
  type: 'ReSegment',
  data: {
    strategy: cardsStrategy,
    scorecard: DEFAULT_SCORECARD,
    facts: caseFacts({ dpd: 0 }),
    reason: 'scheduled',
    resegmentedAt: '2026-02-05T15:00:00Z',
    ...overrides,
  },
});

export const scheduleNext = (plannedAt = '2026-02-01T15:00:00Z', s = situation()): ScheduleNext => ({
  type: 'ScheduleNext',
  data: { situation: s, plannedAt },
});

export const fireDueStep = (firedAt = '2026-02-08T14:00:00Z', s = situation()): FireDueStep => ({
  type: 'FireDueStep',
  data: { situation: s, firedAt },
});

export const earlyPlacement: SegmentPlacement = {
  strategyId: 'consumer-cards',
  strategyVersion: 1,
  segmentId: 'early',
  because: ['dpd 0 lte 30', 'balanceMinor 25000 USD gte 5000', 'not (tags [] in [deceased, bankruptcy])'],
  experimentId: 'cards-2026',
  variantId: 'champion',
  variantHow: 'hashed',
  score: 75,
  scoreBand: 'medium',
  scorecardVersion: 'default-scorecard-v1',
  sendTime: '09:00',
  path: cardsStrategy.segments[1].path,
};

export const strategyAssigned = (overrides: Partial<StrategyAssigned['data']> = {}): StrategyAssigned => ({
  type: 'StrategyAssigned',
  data: { ...earlyPlacement, caseId: 'case-1', assignedAt: '2026-02-01T15:00:00Z', ...overrides },
});

/** The pre-due SMS, two days before the due date at 09:00 New York time. */
export const stepPlanned = (overrides: Partial<StepPlanned['data']> = {}): StepPlanned => ({
  type: 'StepPlanned',
  data: {
    stepId: 'pre-due',
    stepIndex: 0,
    occurrence: 1,
    idempotencyKey: 'case-1/consumer-cards/pre-due#1',
    kind: 'send_message',
    dueAt: '2026-02-08T14:00:00Z',
    heldBackBy: null,
    paymentSeenAt: null,
    plannedAt: '2026-02-01T15:00:00Z',
    ...overrides,
  },
});

export const stepFired = (overrides: Partial<StepFired['data']> = {}): StepFired => ({
  type: 'StepFired',
  data: {
    stepId: 'pre-due',
    stepIndex: 0,
    occurrence: 1,
    idempotencyKey: 'case-1/consumer-cards/pre-due#1',
    strategyId: 'consumer-cards',
    strategyVersion: 1,
    segmentId: 'early',
    variantId: 'champion',
    step: cardsStrategy.segments[1].path.steps[0],
    dueAt: '2026-02-08T14:00:00Z',
    firedAt: '2026-02-08T14:00:00Z',
    ...overrides,
  },
});

export const stepCancelled = (overrides: Partial<StepCancelled['data']> = {}): StepCancelled => ({
  type: 'StepCancelled',
  data: {
    stepId: 'pre-due',
    stepIndex: 0,
    occurrence: 1,
    idempotencyKey: 'case-1/consumer-cards/pre-due#1',
    reason: 'payment_received',
    resumesAtStep: 1,
    cancelledAt: '2026-02-08T14:00:00Z',
    ...overrides,
  },
});
