import type { DebtorEvent, DebtorsMerged, DebtorSplit } from './debtor.events';
import type { Debtor, HeldAccount, Registered } from './debtor.state';

const without = <T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));

const merged = (s: Debtor, e: DebtorsMerged): Debtor => {
  if (s.status !== 'registered') return s;
  if (e.data.absorbedId === s.debtorId)
    return { status: 'merged', debtorId: s.debtorId, into: e.data.survivorId, registered: s };
  const brought = e.data.accounts.map((a): [string, HeldAccount] => [
    a.accountId,
    { ...a, rule: e.data.rule },
  ]);
  return {
    ...s,
    accounts: { ...s.accounts, ...Object.fromEntries(brought) },
    absorbed: { ...s.absorbed, [e.data.absorbedId]: e.data.accounts.map((a) => a.accountId) },
  };
};

const split = (s: Debtor, e: DebtorSplit): Debtor => {
  const ids = e.data.accounts.map((a) => a.accountId);
  if (s.status === 'merged' && e.data.toDebtorId === s.debtorId) return s.registered;
  if (s.status !== 'registered') return s;
  return {
    ...s,
    accounts: without(s.accounts, ids),
    absorbed: without(s.absorbed, [e.data.toDebtorId]),
    splitTo: [...s.splitTo, e.data.toDebtorId],
  };
};

const registered = (s: Debtor, update: (r: Registered) => Registered): Debtor =>
  s.status === 'registered' ? update(s) : s;

/** Total: an event that does not apply to the state leaves it as it is. */
export const evolve = (s: Debtor, e: DebtorEvent): Debtor => {
  switch (e.type) {
    case 'DebtorRegistered':
      return s.status !== 'unregistered'
        ? s
        : {
            status: 'registered',
            debtorId: e.data.debtorId,
            profile: e.data.profile,
            accounts: {},
            absorbed: {},
            openReviews: {},
            closedReviews: [],
            splitTo: [],
          };
    case 'AccountLinked':
      return registered(s, (r) => ({
        ...r,
        accounts: {
          ...r.accounts,
          [e.data.accountId]: {
            accountId: e.data.accountId,
            creditorId: e.data.creditorId,
            rule: e.data.rule,
          },
        },
      }));
    case 'MatchReviewRequested':
      return registered(s, (r) => ({
        ...r,
        openReviews: {
          ...r.openReviews,
          [e.data.reviewId]: { candidateDebtorIds: e.data.candidateDebtorIds, rule: e.data.rule },
        },
      }));
    case 'MatchReviewResolved':
      return registered(s, (r) => ({
        ...r,
        openReviews: without(r.openReviews, [e.data.reviewId]),
        closedReviews: [...r.closedReviews, e.data.reviewId],
      }));
    case 'DebtorsMerged':
      return merged(s, e);
    case 'DebtorSplit':
      return split(s, e);
    case 'DebtorErased':
      return s.status === 'registered'
        ? { status: 'erased', debtorId: s.debtorId, accountIds: Object.keys(s.accounts) }
        : s;
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
};
