import { violatesCaseRule } from './case.errors';
import { agent, changed, command, given, openCase } from './case.fixtures';
import { CASE_STATUSES, CaseStatus } from './case.state';
import { ALLOWED_MOVES } from './case.status';

const HELD = [
  ...openCase(),
  {
    type: 'HoldPlaced',
    data: { holdId: 'h1', reason: 'hardship', endsOn: null, accountIds: [], placedAt: 'x', cause: agent },
  },
] as const;

const caseIn = (status: CaseStatus) =>
  status === 'on_hold'
    ? [...HELD, changed('new', 'on_hold')]
    : status === 'closed'
      ? [...openCase(), changed('new', 'closed')]
      : openCase(status);

const moves = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
);
const allowed = moves.filter(([from, to]) => ALLOWED_MOVES[from].includes(to));
const illegal = moves.filter(([from, to]) => !ALLOWED_MOVES[from].includes(to));

describe('ChangeStatus', () => {
  it.each(allowed)('moves a case from %s to %s, recording who did it', (from, to) =>
    given(caseIn(from))
      .when(command('ChangeStatus', { to }))
      .then([changed(from, to, agent)]),
  );

  it.each(illegal)('refuses to move a case from %s to %s, naming the current status', (from, to) =>
    given(caseIn(from))
      .when(command('ChangeStatus', { to }))
      .thenThrows(violatesCaseRule('illegal_transition', `current status ${from}`)),
  );

  it('decides nothing when the case is already in that status', () =>
    given(caseIn('negotiating'))
      .when(command('ChangeStatus', { to: 'negotiating' }))
      .thenNothingHappened());

  it('never moves into new, on_hold or closed on request', () => {
    for (const from of CASE_STATUSES) {
      expect(ALLOWED_MOVES[from]).not.toContain('new');
      expect(ALLOWED_MOVES[from]).not.toContain('on_hold');
      expect(ALLOWED_MOVES[from]).not.toContain('closed');
    }
  });
});
