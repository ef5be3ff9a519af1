import {
  fireDueStep,
  given,
  situation,
  stepCancelled,
  stepFired,
  stepPlanned,
  strategyAssigned,
} from './strategy-run.fixtures';
import { cardsStrategy } from './strategy.fixtures';

const planned = [strategyAssigned(), stepPlanned()];
const early = cardsStrategy.segments[1].path.steps;

/** The champion path run up to its wait-for-60-DPD step, planned for 2 March. */
const waiting = [
  strategyAssigned(),
  stepPlanned({
    stepId: 'wait-60-dpd',
    stepIndex: 4,
    kind: 'wait_for',
    idempotencyKey: 'case-1/consumer-cards/wait-60-dpd#1',
    dueAt: '2026-03-02T14:00:00Z',
  }),
];

describe('FireDueStep', () => {
  it('fires the planned step when it is due, with the step, strategy version and key', () =>
    given(planned).when(fireDueStep()).then([stepFired()]));

  it('does nothing before the step is due', () =>
    given(planned).when(fireDueStep('2026-02-08T13:59:59Z')).thenNothingHappened());

  it('fires a step missed during downtime once, days late, with the same key', () =>
    given(planned)
      .when(fireDueStep('2026-02-11T08:00:00Z'))
      .then([stepFired({ firedAt: '2026-02-11T08:00:00Z' })]));

  it('does nothing when retried after the step fired', () =>
    given([...planned, stepFired()])
      .when(fireDueStep('2026-02-08T14:00:01Z'))
      .thenNothingHappened());

  it('cancels the step when a payment was recorded after it was planned, and moves the path on', () =>
    given(planned)
      .when(fireDueStep(undefined, situation({ lastPaymentRecordedAt: '2026-02-07T20:00:00Z' })))
      .then([stepCancelled()]));

  it('cancels the step for a payment the plan did not know of, even one recorded before planning', () =>
    given(planned)
      .when(fireDueStep(undefined, situation({ lastPaymentRecordedAt: '2026-02-01T14:59:00Z' })))
      .then([stepCancelled()]));

  it('fires when the only payment is the one the plan already knew of', () =>
    given([strategyAssigned(), stepPlanned({ paymentSeenAt: '2026-01-20T10:00:00Z' })])
      .when(fireDueStep(undefined, situation({ lastPaymentRecordedAt: '2026-01-20T10:00:00Z' })))
      .then([stepFired()]));

  it('cancels the step where it is while the case is disputed or on open-ended hold', () => {
    given(planned)
      .when(fireDueStep(undefined, situation({ disputed: true })))
      .then([stepCancelled({ reason: 'disputed', resumesAtStep: 0 })]);
    given(planned)
      .when(fireDueStep(undefined, situation({ hold: { until: null } })))
      .then([stepCancelled({ reason: 'on_hold', resumesAtStep: 0 })]);
  });

  it('cancels the step when nothing is owed any more', () =>
    given(planned)
      .when(fireDueStep(undefined, situation({}, { balanceMinor: 0n })))
      .then([stepCancelled({ reason: 'paid_off', resumesAtStep: 0 })]));

  it('re-plans the step to the end of a hold recorded after planning', () =>
    given(planned)
      .when(fireDueStep(undefined, situation({ hold: { until: '2026-02-12T14:00:00Z' } })))
      .then([
        {
          type: 'StepReplanned',
          data: {
            stepId: 'pre-due',
            stepIndex: 0,
            occurrence: 1,
            idempotencyKey: 'case-1/consumer-cards/pre-due#1',
            from: '2026-02-08T14:00:00Z',
            dueAt: '2026-02-12T14:00:00Z',
            reason: 'on_hold',
            replannedAt: '2026-02-08T14:00:00Z',
          },
        },
      ]));

  it('re-plans the step to the day after a promise made after planning falls due', () =>
    given(planned)
      .when(fireDueStep(undefined, situation({ promise: { dueOn: '2026-02-09' } })))
      .then([
        {
          type: 'StepReplanned',
          data: {
            stepId: 'pre-due',
            stepIndex: 0,
            occurrence: 1,
            idempotencyKey: 'case-1/consumer-cards/pre-due#1',
            from: '2026-02-08T14:00:00Z',
            dueAt: '2026-02-10T14:00:00Z',
            reason: 'promise_pending',
            replannedAt: '2026-02-08T14:00:00Z',
          },
        },
      ]));

  it('fires a re-planned step once its new time comes', () =>
    given([
      ...planned,
      {
        type: 'StepReplanned',
        data: {
          stepId: 'pre-due',
          stepIndex: 0,
          occurrence: 1,
          idempotencyKey: 'case-1/consumer-cards/pre-due#1',
          from: '2026-02-08T14:00:00Z',
          dueAt: '2026-02-10T14:00:00Z',
          reason: 'promise_pending',
          replannedAt: '2026-02-08T14:00:00Z',
        },
      },
    ])
      .when(fireDueStep('2026-02-10T14:00:00Z'))
      .then([stepFired({ dueAt: '2026-02-10T14:00:00Z', firedAt: '2026-02-10T14:00:00Z' })]));

  it('keeps a wait_for step waiting a day while its condition does not hold', () =>
    given(waiting)
      .when(fireDueStep('2026-03-02T14:00:00Z', situation({}, { dpd: 20 })))
      .then([
        {
          type: 'StepReplanned',
          data: {
            stepId: 'wait-60-dpd',
            stepIndex: 4,
            occurrence: 1,
            idempotencyKey: 'case-1/consumer-cards/wait-60-dpd#1',
            from: '2026-03-02T14:00:00Z',
            dueAt: '2026-03-03T14:00:00Z',
            reason: 'waiting_for_condition',
            replannedAt: '2026-03-02T14:00:00Z',
          },
        },
      ]));

  it('passes a wait_for step once its condition holds', () =>
    given(waiting)
      .when(fireDueStep('2026-04-11T13:00:00Z', situation({}, { dpd: 60 })))
      .then([
        stepFired({
          stepId: 'wait-60-dpd',
          stepIndex: 4,
          idempotencyKey: 'case-1/consumer-cards/wait-60-dpd#1',
          step: early[4],
          dueAt: '2026-03-02T14:00:00Z',
          firedAt: '2026-04-11T13:00:00Z',
        }),
      ]));
});
