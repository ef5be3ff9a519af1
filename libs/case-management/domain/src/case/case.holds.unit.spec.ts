import { violatesCaseRule } from './case.errors';
import { CaseEvent } from './case.events';
import { ACCOUNT_1, ACCOUNT_2, AT, agent, changed, command, given, openCase } from './case.fixtures';
import { HOLD_REASONS, HoldReason } from './case.state';

const place = (holdId: string, reason: HoldReason, endsOn: string | null = null) =>
  command('PlaceHold', { holdId, reason, endsOn });
const placed = (
  holdId: string,
  reason: HoldReason,
  endsOn: string | null = null,
  accountIds = [ACCOUNT_1],
): CaseEvent => ({
  type: 'HoldPlaced',
  data: { holdId, reason, endsOn, accountIds, placedAt: AT, cause: agent },
});
const lift = (holdId: string) => command('LiftHold', { holdId });
const liftedEvent = (holdId: string, why: 'lifted' | 'expired' = 'lifted'): CaseEvent => ({
  type: 'HoldLifted',
  data: { holdId, why, liftedAt: AT, cause: agent },
});
const PLACEABLE = HOLD_REASONS.filter((r) => r !== 'dispute');

describe('PlaceHold', () => {
  it.each(PLACEABLE)('puts a case on hold for %s, over every open account', (reason) =>
    given(openCase('negotiating', [ACCOUNT_1, ACCOUNT_2]))
      .when(place('h1', reason, '2027-01-31'))
      .then([placed('h1', reason, '2027-01-31', [ACCOUNT_1, ACCOUNT_2]), changed('negotiating', 'on_hold')]),
  );

  it('adds a second hold to a held case without another move', () =>
    given([...openCase('contacted'), placed('h1', 'hardship'), changed('contacted', 'on_hold')])
      .when(place('h2', 'bankruptcy'))
      .then([placed('h2', 'bankruptcy')]));

  it('decides nothing when the same hold is placed again', () =>
    given([...openCase(), placed('h1', 'deceased'), changed('new', 'on_hold')])
      .when(place('h1', 'deceased'))
      .thenNothingHappened());

  it('refuses the same hold id with other content', () =>
    given([...openCase(), placed('h1', 'deceased'), changed('new', 'on_hold')])
      .when(place('h1', 'hardship'))
      .thenThrows(violatesCaseRule('hold_conflict')));

  it('refuses a dispute hold without a dispute', () =>
    given(openCase()).when(place('h1', 'dispute')).thenThrows(violatesCaseRule('invalid_command')));

  it('refuses a hold on a closed case', () =>
    given([...openCase(), changed('new', 'closed')])
      .when(place('h1', 'hardship'))
      .thenThrows(violatesCaseRule('case_closed')));
});

describe('LiftHold', () => {
  it.each(PLACEABLE)('returns a case held for %s to its previous status', (reason) =>
    given([...openCase('payment_plan'), placed('h1', reason), changed('payment_plan', 'on_hold')])
      .when(lift('h1'))
      .then([liftedEvent('h1'), changed('on_hold', 'payment_plan')]),
  );

  it('keeps the case on hold while another hold is active', () =>
    given([
      ...openCase('contacted'),
      placed('h1', 'hardship'),
      changed('contacted', 'on_hold'),
      placed('h2', 'attorney_representation'),
    ])
      .when(lift('h1'))
      .then([liftedEvent('h1')]));

  it('decides nothing when a lifted hold is lifted again', () =>
    given([
      ...openCase(),
      placed('h1', 'hardship'),
      changed('new', 'on_hold'),
      liftedEvent('h1'),
      changed('on_hold', 'new'),
    ])
      .when(lift('h1'))
      .thenNothingHappened());

  it('refuses an unknown hold', () =>
    given(openCase()).when(lift('nope')).thenThrows(violatesCaseRule('unknown_hold')));

  it('refuses to lift a dispute hold without a verification', () =>
    given([
      ...openCase(),
      {
        type: 'DisputeOpened',
        data: { disputeId: 'd1', reason: 'not mine', documentRef: 'doc-1', openedAt: AT, cause: agent },
      },
      placed('dispute-d1', 'dispute'),
      changed('new', 'on_hold'),
    ])
      .when(lift('dispute-d1'))
      .thenThrows(violatesCaseRule('dispute_unverified')));
});

describe('ExpireHolds', () => {
  const held = [
    ...openCase('contacted'),
    placed('h1', 'hardship', '2026-12-31'),
    changed('contacted', 'on_hold'),
  ];

  it('lifts a hold the day after its end date and resumes the case', () =>
    given(held)
      .when(command('ExpireHolds', { asOf: '2027-01-01' }))
      .then([liftedEvent('h1', 'expired'), changed('on_hold', 'contacted')]));

  it('keeps a hold through its last day', () =>
    given(held)
      .when(command('ExpireHolds', { asOf: '2026-12-31' }))
      .thenNothingHappened());
});
