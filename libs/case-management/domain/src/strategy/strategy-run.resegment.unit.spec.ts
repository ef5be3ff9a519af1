import { fold } from '@cartera/decider';
import { caseFacts } from './case-facts.fixtures';
import { strategyRunDecider } from './strategy-run';
import { CaseReSegmented } from './strategy-run.events';
import { violates } from './strategy-run.errors';
import {
  earlyPlacement,
  given,
  reSegment,
  scheduleNext,
  stepCancelled,
  stepPlanned,
  strategyAssigned,
} from './strategy-run.fixtures';
import { cardsStrategy } from './strategy.fixtures';

const toLate = (overrides: Partial<CaseReSegmented['data']> = {}): CaseReSegmented => ({
  type: 'CaseReSegmented',
  data: {
    ...earlyPlacement,
    segmentId: 'late',
    because: ['catch-all segment'],
    variantHow: 'kept',
    score: 55, // dpd 35: 50 + 0 (31–90) + 0 + 5 (no broken promise) + 0 = 55
    path: cardsStrategy.segments[2].path,
    from: { strategyId: 'consumer-cards', strategyVersion: 1, segmentId: 'early', variantId: 'champion' },
    reason: 'bucket_changed',
    resegmentedAt: '2026-02-05T15:00:00Z',
    ...overrides,
  },
});
const bucketChanged = reSegment({ facts: caseFacts({ dpd: 35 }), reason: 'bucket_changed' });

describe('ReSegment', () => {
  it('decides nothing while the case stays in the same segment and variant', () =>
    given([strategyAssigned(), stepPlanned()]).when(reSegment()).thenNothingHappened());

  it('cancels the planned step and starts the new segment’s path', () =>
    given([strategyAssigned(), stepPlanned()])
      .when(bucketChanged)
      .then([
        stepCancelled({ reason: 'resegmented', resumesAtStep: 0, cancelledAt: '2026-02-05T15:00:00Z' }),
        toLate(),
      ]));

  it('keeps the segment history', () => {
    const run = fold(strategyRunDecider, [strategyAssigned(), toLate()]);
    expect(run.status === 'running' && run.history).toEqual([
      {
        strategyId: 'consumer-cards',
        strategyVersion: 1,
        segmentId: 'early',
        variantId: 'champion',
        at: '2026-02-01T15:00:00Z',
      },
      {
        strategyId: 'consumer-cards',
        strategyVersion: 1,
        segmentId: 'late',
        variantId: 'champion',
        at: '2026-02-05T15:00:00Z',
      },
    ]);
  });

  it('moves the case to a newly published version at its next re-segmentation', () =>
    given([strategyAssigned()])
      .when(reSegment({ strategy: { ...cardsStrategy, version: 2 }, reason: 'strategy_published' }))
      .then([
        {
          type: 'CaseReSegmented',
          data: {
            ...earlyPlacement,
            strategyVersion: 2,
            variantHow: 'kept',
            from: {
              strategyId: 'consumer-cards',
              strategyVersion: 1,
              segmentId: 'early',
              variantId: 'champion',
            },
            reason: 'strategy_published',
            resegmentedAt: '2026-02-05T15:00:00Z',
          },
        },
      ]));

  it('keeps the recorded variant when the shares change, and re-hashes on a reshuffle', () => {
    // case-1 hashes to point 54: with 50/50 shares a fresh assignment would be sms-first.
    const shifted = {
      ...cardsStrategy,
      version: 2,
      experiment: {
        id: 'cards-2026',
        variants: [
          { id: 'champion', share: 50 },
          { id: 'sms-first', share: 50 },
        ],
      },
    };
    const kept = strategyRunDecider.decide(
      reSegment({ strategy: shifted }),
      fold(strategyRunDecider, [strategyAssigned()]),
    );
    expect(kept[0]?.data).toMatchObject({ variantId: 'champion', variantHow: 'kept' });
    const reshuffled = strategyRunDecider.decide(
      reSegment({ strategy: shifted, reshuffle: true }),
      fold(strategyRunDecider, [strategyAssigned()]),
    );
    expect(reshuffled[0]?.data).toMatchObject({ variantId: 'sms-first', variantHow: 'hashed' });
  });

  it('plans a step of a path entered again as a new occurrence, with a new key', () =>
    given([
      strategyAssigned(),
      stepPlanned(),
      stepCancelled({ reason: 'resegmented', resumesAtStep: 0 }),
      toLate(),
      {
        type: 'CaseReSegmented',
        data: { ...toLate().data, ...earlyPlacement, from: { ...toLate().data.from, segmentId: 'late' } },
      },
    ])
      .when(scheduleNext('2026-02-06T15:00:00Z'))
      .then([
        stepPlanned({
          occurrence: 2,
          idempotencyKey: 'case-1/consumer-cards/pre-due#2',
          plannedAt: '2026-02-06T15:00:00Z',
        }),
      ]));

  it('refuses a case with no strategy', () =>
    given([]).when(reSegment()).thenThrows(violates('not_assigned')));
});
