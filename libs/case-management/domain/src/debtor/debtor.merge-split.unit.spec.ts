import type { DebtorEvent } from './debtor.events';
import { violatesDebtorRule } from './debtor.errors';
import { account, ANA, ANA_TOO, AT, given, PHONE_RULE, registered, reviewRequested } from './debtor.fixtures';

const resolve = (decision: 'link' | 'reject', intoDebtorId?: string) => ({
  type: 'ResolveMatchReview' as const,
  data: { reviewId: 'r-1', decision, ...(intoDebtorId ? { intoDebtorId } : {}), resolvedBy: 'sup-1', at: AT },
});
const resolved = (decision: 'link' | 'reject', intoDebtorId?: string): DebtorEvent => ({
  type: 'MatchReviewResolved',
  data: {
    reviewId: 'r-1',
    decision,
    ...(intoDebtorId ? { intoDebtorId } : {}),
    resolvedBy: 'sup-1',
    resolvedAt: AT,
  },
});
const merged: DebtorEvent = {
  type: 'DebtorsMerged',
  data: { survivorId: ANA, absorbedId: ANA_TOO, accounts: [account('a-2')], rule: PHONE_RULE, mergedAt: AT },
};
const split: DebtorEvent = {
  type: 'DebtorSplit',
  data: { fromDebtorId: ANA, toDebtorId: ANA_TOO, accounts: [account('a-2')], splitBy: 'sup-1', splitAt: AT },
};
const reviewed = [...registered(ANA_TOO, 'a-2'), reviewRequested()];
const survivor = [...registered(ANA, 'a-1'), merged];

describe('ResolveMatchReview (on the reviewed debtor)', () => {
  it('link: closes the review and merges this debtor into the chosen candidate, by the weak rule', () =>
    given(reviewed)
      .when(resolve('link', ANA))
      .then([resolved('link', ANA), merged]));

  it('reject: closes the review and keeps the debtors apart', () =>
    given(reviewed)
      .when(resolve('reject'))
      .then([resolved('reject')]));

  it('decides nothing when the review was already resolved', () =>
    given([...reviewed, resolved('link', ANA), merged])
      .when(resolve('link', ANA))
      .thenNothingHappened());

  it('refuses a link to a debtor that was not a candidate', () =>
    given(reviewed)
      .when(resolve('link', 'someone-else'))
      .thenThrows(violatesDebtorRule('invalid_review_decision')));

  it('refuses an unknown review', () =>
    given(registered()).when(resolve('reject')).thenThrows(violatesDebtorRule('unknown_review')));
});

describe('AbsorbDebtor (on the survivor)', () => {
  const absorb = {
    type: 'AbsorbDebtor' as const,
    data: { absorbedId: ANA_TOO, accounts: [account('a-2')], rule: PHONE_RULE, at: AT },
  };
  it('takes over the absorbed debtor’s accounts', () => given(registered()).when(absorb).then([merged]));
  it('decides nothing on a repeat', () => given(survivor).when(absorb).thenNothingHappened());
});

describe('SplitDebtor and RestoreDebtor: a wrong merge undone', () => {
  const splitOff = {
    type: 'SplitDebtor' as const,
    data: { toDebtorId: ANA_TOO, accountIds: ['a-2'], splitBy: 'sup-1', at: AT },
  };
  const restore = {
    type: 'RestoreDebtor' as const,
    data: { fromDebtorId: ANA, accounts: [account('a-2')], splitBy: 'sup-1', at: AT },
  };

  it('the survivor gives the merged accounts back', () => given(survivor).when(splitOff).then([split]));
  it('decides nothing on a repeat', () =>
    given([...survivor, split])
      .when(splitOff)
      .thenNothingHappened());

  it('refuses to split accounts the debtor does not hold, or all of them', () => {
    given(survivor)
      .when({ ...splitOff, data: { ...splitOff.data, accountIds: ['a-7'] } })
      .thenThrows(violatesDebtorRule('unknown_account'));
    given(survivor)
      .when({ ...splitOff, data: { ...splitOff.data, accountIds: ['a-1', 'a-2'] } })
      .thenThrows(violatesDebtorRule('unknown_account'));
  });

  const absorbed = [...reviewed, resolved('link', ANA), merged];
  it('the absorbed debtor stands alone again', () => given(absorbed).when(restore).then([split]));
  it('a restored debtor takes links again, a merged one refuses them', () => {
    const link = {
      type: 'LinkAccount' as const,
      data: {
        ...account('a-3'),
        rule: PHONE_RULE,
        placedIdentity: { name: 'pii1.x' },
        contactPoints: [],
        at: AT,
      },
    };
    given(absorbed).when(link).thenThrows(violatesDebtorRule('debtor_merged'));
    given([...absorbed, split])
      .when(link)
      .then([
        {
          type: 'AccountLinked',
          data: {
            debtorId: ANA_TOO,
            ...account('a-3'),
            rule: PHONE_RULE,
            placedIdentity: { name: 'pii1.x' },
            contactPoints: [],
            linkedAt: AT,
          },
        },
      ]);
  });
});
