import { violatesDebtorRule } from './debtor.errors';
import {
  account,
  ANA,
  ANA_TOO,
  AT,
  given,
  NATIONAL_ID_RULE,
  PHONE_RULE,
  profile,
  registerDebtor,
  registered,
  reviewRequested,
} from './debtor.fixtures';

describe('RegisterDebtor', () => {
  it('registers the person with the first account and the rule set that found no match', () =>
    given([]).when(registerDebtor()).then(registered()));

  it('asks for a review when a weak rule found a candidate', () =>
    given([])
      .when(
        registerDebtor({
          debtorId: ANA_TOO,
          account: account('a-2'),
          review: { reviewId: 'r-1', candidateDebtorIds: [ANA], rule: PHONE_RULE },
        }),
      )
      .then([...registered(ANA_TOO, 'a-2'), reviewRequested()]));

  it('decides nothing when the same placement is delivered again', () =>
    given(registered()).when(registerDebtor()).thenNothingHappened());

  it('refuses a second registration under the same id for another account', () =>
    given(registered())
      .when(registerDebtor({ account: account('a-9') }))
      .thenThrows(violatesDebtorRule('already_registered')));
});

describe('LinkAccount', () => {
  const link = {
    type: 'LinkAccount' as const,
    data: {
      ...account('a-2', 'globex'),
      rule: NATIONAL_ID_RULE,
      placedIdentity: profile().identity,
      contactPoints: [],
      at: AT,
    },
  };

  const { at: _at, ...linkedData } = link.data;
  const linked = { type: 'AccountLinked' as const, data: { debtorId: ANA, ...linkedData, linkedAt: AT } };

  it('links another creditor’s account by the rule that matched', () =>
    given(registered()).when(link).then([linked]));

  it('decides nothing for an account already linked', () =>
    given([...registered(), linked])
      .when(link)
      .thenNothingHappened());

  it('refuses a debtor that does not exist', () =>
    given([]).when(link).thenThrows(violatesDebtorRule('debtor_not_registered')));

  it('refuses an erased debtor', () =>
    given([
      ...registered(),
      { type: 'DebtorErased', data: { debtorId: ANA, erasedBy: 'p', erasedAt: AT, retentionPolicy: null } },
    ])
      .when(link)
      .thenThrows(violatesDebtorRule('debtor_erased')));
});
