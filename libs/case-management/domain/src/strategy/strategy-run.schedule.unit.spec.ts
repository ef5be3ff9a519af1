import { fold } from '@cartera/decider';
import { strategyRunDecider } from './strategy-run';
import { violates } from './strategy-run.errors';
import {
  given,
  scheduleNext,
  situation,
  stepCancelled,
  stepFired,
  stepPlanned,
  strategyAssigned,
} from './strategy-run.fixtures';
import { cardsStrategy } from './strategy.fixtures';

const late = cardsStrategy.segments[2];

describe('ScheduleNext', () => {
  it('plans the pre-due reminder two days before the due date, at 09:00 in the debtor’s zone', () =>
    given([strategyAssigned()]).when(scheduleNext()).then([stepPlanned()]));

  it('plans nothing while a step is already planned', () =>
    given([strategyAssigned(), stepPlanned()]).when(scheduleNext()).thenNothingHappened());

  it('plans the following step counted from the due date once the previous one fired', () =>
    given([strategyAssigned(), stepPlanned(), stepFired()])
      .when(scheduleNext('2026-02-08T14:00:05Z'))
      .then([
        stepPlanned({
          stepId: 'soft',
          stepIndex: 1,
          idempotencyKey: 'case-1/consumer-cards/soft#1',
          dueAt: '2026-02-13T14:00:00Z',
          plannedAt: '2026-02-08T14:00:05Z',
        }),
      ]));

  it('skips a pre-due step whose day has passed, and plans the next one', () =>
    given([strategyAssigned({ assignedAt: '2026-02-11T15:00:00Z' })])
      .when(scheduleNext('2026-02-11T15:00:00Z'))
      .then([
        {
          type: 'StepSkipped',
          data: {
            stepId: 'pre-due',
            stepIndex: 0,
            reason: 'window_passed',
            dueOn: '2026-02-08',
            skippedAt: '2026-02-11T15:00:00Z',
          },
        },
        stepPlanned({
          stepId: 'soft',
          stepIndex: 1,
          idempotencyKey: 'case-1/consumer-cards/soft#1',
          dueAt: '2026-02-13T14:00:00Z',
          plannedAt: '2026-02-11T15:00:00Z',
        }),
      ]));

  it('counts a previous-step offset from the day the path started, even if that time has passed', () =>
    given([strategyAssigned({ segmentId: 'late', path: late.path, assignedAt: '2026-04-20T18:30:00Z' })])
      .when(scheduleNext('2026-04-20T18:30:00Z'))
      .then([
        stepPlanned({
          stepId: 'firm',
          idempotencyKey: 'case-1/consumer-cards/firm#1',
          kind: 'send_message',
          dueAt: '2026-04-20T13:00:00Z', // 09:00 in New York, daylight time (UTC−4)
          plannedAt: '2026-04-20T18:30:00Z',
        }),
      ]));

  it('holds the step back until the day after a pending promise falls due', () =>
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({ promise: { dueOn: '2026-02-12' } })))
      .then([stepPlanned({ dueAt: '2026-02-13T14:00:00Z', heldBackBy: 'promise_pending' })]));

  it('holds the step back until a hold ends', () =>
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({ hold: { until: '2026-02-09T00:00:00Z' } })))
      .then([stepPlanned({ dueAt: '2026-02-09T00:00:00Z', heldBackBy: 'on_hold' })]));

  it('plans nothing while the case is disputed, on open-ended hold, or paid off', () => {
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({ disputed: true })))
      .thenNothingHappened();
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({ hold: { until: null } })))
      .thenNothingHappened();
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({}, { balanceMinor: 0n })))
      .thenNothingHappened();
  });

  it('records the payment it knew of, so the fire-time check can tell a new one', () =>
    given([strategyAssigned()])
      .when(scheduleNext(undefined, situation({ lastPaymentRecordedAt: '2026-01-20T10:00:00Z' })))
      .then([stepPlanned({ paymentSeenAt: '2026-01-20T10:00:00Z' })]));

  it('plans the same step again as its next occurrence after a hold cancelled it', () =>
    given([strategyAssigned(), stepPlanned(), stepCancelled({ reason: 'on_hold', resumesAtStep: 0 })])
      .when(scheduleNext('2026-02-08T15:00:00Z'))
      .then([
        stepPlanned({
          occurrence: 2,
          idempotencyKey: 'case-1/consumer-cards/pre-due#2',
          plannedAt: '2026-02-08T15:00:00Z',
        }),
      ]));

  it('completes the path after its last step, and plans nothing more', () => {
    const lastFired = stepFired({ stepId: 'agency', stepIndex: 1, step: late.path.steps[1] });
    const events = [strategyAssigned({ segmentId: 'late', path: late.path }), lastFired];
    given(events)
      .when(scheduleNext('2026-03-01T15:00:00Z'))
      .then([
        {
          type: 'TreatmentPathCompleted',
          data: {
            strategyId: 'consumer-cards',
            strategyVersion: 1,
            segmentId: 'late',
            completedAt: '2026-03-01T15:00:00Z',
          },
        },
      ]);
    const completed = fold(strategyRunDecider, [
      ...events,
      strategyRunDecider.decide(scheduleNext('2026-03-01T15:00:00Z'), fold(strategyRunDecider, events))[0],
    ]);
    expect(strategyRunDecider.decide(scheduleNext('2026-03-02T15:00:00Z'), completed)).toEqual([]);
  });

  it('refuses a case with no strategy', () =>
    given([]).when(scheduleNext()).thenThrows(violates('not_assigned')));
});
