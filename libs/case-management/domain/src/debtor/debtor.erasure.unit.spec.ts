import { DebtorRuleViolated, violatesDebtorRule } from './debtor.errors';
import type { DebtorEvent } from './debtor.events';
import { ANA, AT, eraseDebtor, given, registered } from './debtor.fixtures';

const erased: DebtorEvent = {
  type: 'DebtorErased',
  data: {
    debtorId: ANA,
    erasedBy: 'privacy-officer',
    erasedAt: AT,
    retentionPolicy: { id: 'us-reg-f-1006.100', version: 1 },
  },
};

describe('EraseDebtor', () => {
  it('records the erasure with the retention policy it checked, and no personal data', () =>
    given(registered()).when(eraseDebtor()).then([erased]));

  it('decides nothing once erased', () =>
    given([...registered(), erased])
      .when(eraseDebtor())
      .thenNothingHappened());

  it('refuses while an account has an open balance', () =>
    given(registered())
      .when(
        eraseDebtor({
          accounts: [
            {
              accountId: 'a-1',
              openBalanceMinor: 1n,
              currency: 'USD',
              lastCollectionActivityOn: '2020-01-01',
            },
          ],
        }),
      )
      .thenThrows(violatesDebtorRule('retention_hold')));

  it('refuses within Reg F’s 3 years after the last collection activity, naming the policy and the end', () =>
    given(registered())
      .when(
        eraseDebtor({
          accounts: [
            {
              accountId: 'a-1',
              openBalanceMinor: 0n,
              currency: 'USD',
              lastCollectionActivityOn: '2024-06-30',
            },
          ],
        }),
      )
      .thenThrows(
        (e: Error) =>
          e instanceof DebtorRuleViolated &&
          e.detail === 'retention period of us-reg-f-1006.100 v1 until 2027-06-30' &&
          e.holds[0].kind === 'retention_period',
      ));

  it('refuses while a dispute hold stands', () =>
    given(registered())
      .when(eraseDebtor({ activeHolds: [{ holdId: 'h-1', reason: 'dispute', accountIds: ['a-1'] }] }))
      .thenThrows((e: Error) => e instanceof DebtorRuleViolated && e.detail === 'dispute hold h-1'));

  it('has no retention period where no policy is in force', () =>
    given(registered())
      .when(
        eraseDebtor({
          jurisdiction: { country: 'CO' },
          accounts: [
            {
              accountId: 'a-1',
              openBalanceMinor: 0n,
              currency: 'COP',
              lastCollectionActivityOn: '2026-12-01',
            },
          ],
        }),
      )
      .then([{ ...erased, data: { ...erased.data, retentionPolicy: null } }] as DebtorEvent[]));

  it('refuses a debtor that does not exist', () =>
    given([]).when(eraseDebtor()).thenThrows(violatesDebtorRule('debtor_not_registered')));
});
