import { caseFacts } from './case-facts.fixtures';
import { violates } from './strategy-run.errors';
import { assignStrategy, earlyPlacement, given, strategyAssigned } from './strategy-run.fixtures';
import { cardsStrategy } from './strategy.fixtures';

describe('AssignStrategy', () => {
  it('records the strategy version, the segment and why, the variant and the score', () =>
    given([]).when(assignStrategy()).then([strategyAssigned()]));

  it('gives a challenger case its variant path (case-4 hashes to 82: sms-first)', () =>
    given([])
      .when(assignStrategy({ facts: caseFacts({ caseId: 'case-4', dpd: 0 }) }))
      .then([
        strategyAssigned({
          caseId: 'case-4',
          variantId: 'sms-first',
          path: cardsStrategy.segments[1].variantPaths?.['sms-first'] ?? { steps: [] },
        }),
      ]));

  it('puts a punctual debtor before the due date on the courtesy path, scored high', () =>
    given([])
      .when(assignStrategy({ facts: caseFacts({ dpd: 0, onTimePayments: 6 }) }))
      .then([
        strategyAssigned({
          segmentId: 'good-payer',
          because: ['dpd 0 lte 0', 'onTimePayments 6 gte 6'],
          score: 90,
          scoreBand: 'high',
          path: cardsStrategy.segments[0].path,
        }),
      ]));

  it('decides nothing when the same version is assigned again (a retry)', () =>
    given([strategyAssigned()]).when(assignStrategy()).thenNothingHappened());

  it('refuses another version: that is a re-segmentation', () =>
    given([strategyAssigned()])
      .when(assignStrategy({ strategy: { ...cardsStrategy, version: 2 } }))
      .thenThrows(violates('already_assigned')));

  it('refuses a strategy with no segment for the case', () =>
    given([])
      .when(assignStrategy({ strategy: { ...cardsStrategy, segments: cardsStrategy.segments.slice(0, 1) } }))
      .thenThrows(violates('no_matching_segment')));

  it('refuses a malformed instant', () =>
    given([])
      .when(assignStrategy({ assignedAt: 'yesterday' }))
      .thenThrows(violates('invalid_command')));

  it('has the placement the fixtures describe', () =>
    expect(strategyAssigned().data).toMatchObject(earlyPlacement));
});
