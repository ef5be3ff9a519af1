import type {
  AbsorbDebtor,
  DebtorCommand,
  EraseDebtor,
  LinkAccountToDebtor,
  RegisterDebtor,
  ResolveMatchReview,
  RestoreDebtor,
  SplitDebtor,
} from './debtor.commands';
import { DebtorRuleViolated } from './debtor.errors';
import type { DebtorEvent } from './debtor.events';
import type { Debtor, Registered } from './debtor.state';
import { describeHold, retentionHolds, retentionPolicyFor } from './retention';

/** The state a command needs to act on: registered, else the rule that refuses it. */
const inUse = (s: Debtor): Registered => {
  if (s.status === 'registered') return s;
  if (s.status === 'unregistered') throw new DebtorRuleViolated('debtor_not_registered');
  if (s.status === 'merged') throw new DebtorRuleViolated('debtor_merged', `merged into ${s.into}`);
  throw new DebtorRuleViolated('debtor_erased');
};

const registerDebtor = ({ data: c }: RegisterDebtor, s: Debtor): DebtorEvent[] => {
  if (s.status !== 'unregistered') {
    if (s.status === 'registered' && s.accounts[c.account.accountId]) return [];
    throw new DebtorRuleViolated('already_registered', c.debtorId);
  }
  const { debtorId, at } = c;
  return [
    {
      type: 'DebtorRegistered',
      data: {
        debtorId,
        profile: c.profile,
        registeredAt: at,
        ...(c.splitFrom ? { splitFrom: c.splitFrom } : {}),
      },
    },
    {
      type: 'AccountLinked',
      data: {
        debtorId,
        ...c.account,
        rule: c.rule,
        placedIdentity: c.profile.identity,
        contactPoints: c.profile.contactPoints,
        linkedAt: at,
      },
    },
    ...(c.review
      ? [
          {
            type: 'MatchReviewRequested' as const,
            data: { ...c.review, debtorId, accountId: c.account.accountId, requestedAt: at },
          },
        ]
      : []),
  ];
};

const linkAccount = ({ data: c }: LinkAccountToDebtor, state: Debtor): DebtorEvent[] => {
  const s = inUse(state);
  if (s.accounts[c.accountId]) return [];
  const { at, ...link } = c;
  return [{ type: 'AccountLinked', data: { debtorId: s.debtorId, ...link, linkedAt: at } }];
};

const resolveMatchReview = ({ data: c }: ResolveMatchReview, state: Debtor): DebtorEvent[] => {
  if (state.status === 'merged' && state.registered.closedReviews.includes(c.reviewId)) return [];
  const s = inUse(state);
  if (s.closedReviews.includes(c.reviewId)) return [];
  const review = s.openReviews[c.reviewId];
  if (!review) throw new DebtorRuleViolated('unknown_review', c.reviewId);
  const resolved: DebtorEvent = {
    type: 'MatchReviewResolved',
    data: {
      reviewId: c.reviewId,
      decision: c.decision,
      ...(c.intoDebtorId ? { intoDebtorId: c.intoDebtorId } : {}),
      resolvedBy: c.resolvedBy,
      resolvedAt: c.at,
    },
  };
  if (c.decision === 'reject') return [resolved];
  if (!c.intoDebtorId || !review.candidateDebtorIds.includes(c.intoDebtorId))
    throw new DebtorRuleViolated('invalid_review_decision', 'link needs one of the review’s candidates');
  const accounts = Object.values(s.accounts).map(({ accountId, creditorId }) => ({ accountId, creditorId }));
  return [
    resolved,
    {
      type: 'DebtorsMerged',
      data: {
        survivorId: c.intoDebtorId,
        absorbedId: s.debtorId,
        accounts,
        rule: review.rule,
        mergedAt: c.at,
      },
    },
  ];
};

const absorbDebtor = ({ data: c }: AbsorbDebtor, state: Debtor): DebtorEvent[] => {
  const s = inUse(state);
  if (s.absorbed[c.absorbedId] || s.splitTo.includes(c.absorbedId)) return [];
  return [
    {
      type: 'DebtorsMerged',
      data: {
        survivorId: s.debtorId,
        absorbedId: c.absorbedId,
        accounts: c.accounts,
        rule: c.rule,
        mergedAt: c.at,
      },
    },
  ];
};

const splitDebtor = ({ data: c }: SplitDebtor, state: Debtor): DebtorEvent[] => {
  const s = inUse(state);
  if (s.splitTo.includes(c.toDebtorId)) return [];
  const missing = c.accountIds.filter((id) => !s.accounts[id]);
  if (
    missing.length > 0 ||
    c.accountIds.length === 0 ||
    c.accountIds.length === Object.keys(s.accounts).length
  )
    throw new DebtorRuleViolated(
      'unknown_account',
      missing.length ? missing.join(', ') : 'a split must leave some accounts and take some',
    );
  const accounts = c.accountIds.map((id) => ({ accountId: id, creditorId: s.accounts[id].creditorId }));
  return [
    {
      type: 'DebtorSplit',
      data: {
        fromDebtorId: s.debtorId,
        toDebtorId: c.toDebtorId,
        accounts,
        splitBy: c.splitBy,
        splitAt: c.at,
      },
    },
  ];
};

const restoreDebtor = ({ data: c }: RestoreDebtor, s: Debtor): DebtorEvent[] => {
  if (s.status === 'registered') return [];
  if (s.status !== 'merged' || s.into !== c.fromDebtorId)
    throw new DebtorRuleViolated('debtor_not_registered', `not merged into ${c.fromDebtorId}`);
  return [
    {
      type: 'DebtorSplit',
      data: {
        fromDebtorId: c.fromDebtorId,
        toDebtorId: s.debtorId,
        accounts: c.accounts,
        splitBy: c.splitBy,
        splitAt: c.at,
      },
    },
  ];
};

const eraseDebtor = ({ data: c }: EraseDebtor, state: Debtor): DebtorEvent[] => {
  if (state.status === 'erased') return [];
  const s = inUse(state);
  const policy = retentionPolicyFor(c.facts.jurisdiction, c.facts.today, c.policies);
  const holds = retentionHolds(c.facts, policy);
  if (holds.length > 0)
    throw new DebtorRuleViolated('retention_hold', holds.map(describeHold).join('; '), holds);
  const retentionPolicy = policy ? { id: policy.id, version: policy.version } : null;
  return [
    {
      type: 'DebtorErased',
      data: { debtorId: s.debtorId, erasedBy: c.erasedBy, erasedAt: c.at, retentionPolicy },
    },
  ];
};

export const decide = (command: DebtorCommand, state: Debtor): DebtorEvent[] => {
  switch (command.type) {
    case 'RegisterDebtor':
      return registerDebtor(command, state);
    case 'LinkAccount':
      return linkAccount(command, state);
    case 'ResolveMatchReview':
      return resolveMatchReview(command, state);
    case 'AbsorbDebtor':
      return absorbDebtor(command, state);
    case 'SplitDebtor':
      return splitDebtor(command, state);
    case 'RestoreDebtor':
      return restoreDebtor(command, state);
    case 'EraseDebtor':
      return eraseDebtor(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled ${(unknown as DebtorCommand).type}`);
    }
  }
};
