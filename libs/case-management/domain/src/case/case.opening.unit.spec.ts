import { violatesCaseRule } from './case.errors';
import {
  ACCOUNT_1,
  ACCOUNT_2,
  accountLinked,
  caseOpened,
  changed,
  command,
  fact,
  given,
  linkAccount,
  openCase,
} from './case.fixtures';

describe('LinkAccountToCase', () => {
  it('opens the case with its first account', () =>
    given([]).when(linkAccount()).then([caseOpened(), accountLinked()]));

  it('links a second account of the same debtor at the same creditor', () =>
    given(openCase())
      .when(linkAccount(ACCOUNT_2, 50_000n, 'COP', fact('msg-placed-2')))
      .then([accountLinked(ACCOUNT_2, 50_000n, fact('msg-placed-2'))]));

  it('decides nothing when the placement is delivered again', () =>
    given(openCase()).when(linkAccount()).thenNothingHappened());

  it('refuses an account in another currency than the case', () =>
    given(openCase())
      .when(linkAccount(ACCOUNT_2, 50_000n, 'USD'))
      .thenThrows(violatesCaseRule('currency_mismatch')));

  it('works a closed case again when a new account is placed', () =>
    given([
      ...openCase(),
      {
        type: 'LinkedAccountClosed',
        data: { accountId: ACCOUNT_1, reason: 'paid_in_full', closedAt: 'x', cause: fact('c') },
      },
      changed('new', 'closed', fact('c')),
    ])
      .when(linkAccount(ACCOUNT_2, 50_000n, 'COP', fact('msg-placed-2')))
      .then([
        accountLinked(ACCOUNT_2, 50_000n, fact('msg-placed-2')),
        changed('closed', 'new', fact('msg-placed-2')),
      ]));

  it('refuses facts about a case that was never opened', () =>
    given([])
      .when(
        command('RecordPayment', {
          accountId: ACCOUNT_1,
          paymentId: 'p1',
          applied: 1n,
          paidOn: '2026-12-01',
        }),
      )
      .thenThrows(violatesCaseRule('case_not_open')));
});
