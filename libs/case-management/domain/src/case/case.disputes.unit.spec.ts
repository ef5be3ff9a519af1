import { violatesCaseRule } from './case.errors';
import { CaseEvent } from './case.events';
import { ACCOUNT_1, AT, agent, changed, command, given, openCase } from './case.fixtures';

const open = () => command('OpenDispute', { disputeId: 'd1', reason: 'not my debt', documentRef: 'doc-77' });
const opened: CaseEvent = {
  type: 'DisputeOpened',
  data: { disputeId: 'd1', reason: 'not my debt', documentRef: 'doc-77', openedAt: AT, cause: agent },
};
const disputeHold: CaseEvent = {
  type: 'HoldPlaced',
  data: {
    holdId: 'dispute-d1',
    reason: 'dispute',
    endsOn: null,
    accountIds: [ACCOUNT_1],
    placedAt: AT,
    cause: agent,
  },
};
const verify = () => command('VerifyDispute', { disputeId: 'd1', verificationRef: 'statement-2026-11' });

describe('OpenDispute', () => {
  it('records the dispute and places a dispute hold', () =>
    given(openCase('promise_active'))
      .when(open())
      .then([opened, disputeHold, changed('promise_active', 'on_hold')]));

  it('decides nothing when repeated', () =>
    given([...openCase(), opened, disputeHold, changed('new', 'on_hold')])
      .when(open())
      .thenNothingHappened());

  it('needs a reason and a document reference', () =>
    given(openCase())
      .when(command('OpenDispute', { disputeId: 'd2', reason: 'x', documentRef: ' ' }))
      .thenThrows(violatesCaseRule('invalid_command')));
});

describe('VerifyDispute', () => {
  const disputed = [...openCase('negotiating'), opened, disputeHold, changed('negotiating', 'on_hold')];

  it('answers the dispute, lifts its hold and resumes collection', () =>
    given(disputed)
      .when(verify())
      .then([
        {
          type: 'DisputeVerified',
          data: { disputeId: 'd1', verificationRef: 'statement-2026-11', verifiedAt: AT, cause: agent },
        },
        {
          type: 'HoldLifted',
          data: { holdId: 'dispute-d1', why: 'dispute_verified', liftedAt: AT, cause: agent },
        },
        changed('on_hold', 'negotiating'),
      ]));

  it('refuses an unknown dispute', () =>
    given(openCase()).when(verify()).thenThrows(violatesCaseRule('unknown_dispute')));
});
