import { CaseEvent } from './case.events';
import { ACCOUNT_1, AT, changed, command, fact, given, openCase } from './case.fixtures';

const hit = (flag: 'bankruptcy' | 'deceased') =>
  command('RecordScrubHit', { flag, source: 'scrub_file', reference: 'file-7:12' }, fact('scrub-file-7'));
const held = (flag: string): CaseEvent[] => [
  {
    type: 'HoldPlaced',
    data: {
      holdId: `scrub-${flag}-scrub_file-file-7:12`,
      reason: flag as 'bankruptcy',
      endsOn: null,
      accountIds: [ACCOUNT_1],
      placedAt: AT,
      cause: fact('scrub-file-7'),
    },
  },
  changed('contacted', 'on_hold', fact('scrub-file-7')),
];

describe('RecordScrubHit', () => {
  it.each(['bankruptcy', 'deceased'] as const)('holds the case automatically on a %s flag', (flag) =>
    given(openCase('contacted')).when(hit(flag)).then(held(flag)),
  );

  it('decides nothing for the same hit again', () =>
    given([...openCase('contacted'), ...held('deceased')])
      .when(hit('deceased'))
      .thenNothingHappened());

  it('decides nothing on a closed case', () =>
    given([...openCase(), changed('new', 'closed')])
      .when(hit('bankruptcy'))
      .thenNothingHappened());
});
