import type { Event } from '@cartera/decider';
import type { AccountRef, ContactPoint, DebtorProfile, Identity, Instant, RuleRef } from './debtor.profile';

/** A person entered the registry: with a placement nobody matched, or split off another debtor. */
export type DebtorRegistered = Event<
  'DebtorRegistered',
  { debtorId: string; profile: DebtorProfile; registeredAt: Instant; splitFrom?: string }
>;

/**
 * An account now belongs to this debtor, by `rule`. `placedIdentity` and `contactPoints` are what
 * this placement said about the person (sealed with this debtor's key), kept so a wrong link can
 * be split off with its own data.
 */
export type AccountLinkedToDebtor = Event<
  'AccountLinked',
  AccountRef & {
    debtorId: string;
    rule: RuleRef;
    placedIdentity: Identity;
    contactPoints: readonly ContactPoint[];
    linkedAt: Instant;
  }
>;

/** A weak match: a person must decide whether this debtor is one of the candidates. */
export type MatchReviewRequested = Event<
  'MatchReviewRequested',
  {
    reviewId: string;
    debtorId: string;
    accountId: string;
    candidateDebtorIds: readonly string[];
    rule: RuleRef;
    requestedAt: Instant;
  }
>;

export type MatchReviewResolved = Event<
  'MatchReviewResolved',
  {
    reviewId: string;
    decision: 'link' | 'reject';
    intoDebtorId?: string;
    resolvedBy: string;
    resolvedAt: Instant;
  }
>;

/** Two records are one person: the absorbed one's accounts now belong to the survivor. On both streams. */
export type DebtorsMerged = Event<
  'DebtorsMerged',
  {
    survivorId: string;
    absorbedId: string;
    accounts: readonly AccountRef[];
    rule: RuleRef;
    mergedAt: Instant;
  }
>;

/** A wrong link or merge undone: these accounts go (back) to `toDebtorId`. On both streams when it existed. */
export type DebtorSplit = Event<
  'DebtorSplit',
  {
    fromDebtorId: string;
    toDebtorId: string;
    accounts: readonly AccountRef[];
    splitBy: string;
    splitAt: Instant;
  }
>;

/** The person's data key was destroyed; no personal data here, the accounts and their money stay. */
export type DebtorErased = Event<
  'DebtorErased',
  { debtorId: string; erasedBy: string; erasedAt: Instant; retentionPolicy: RuleRef | null }
>;

export type DebtorEvent =
  | DebtorRegistered
  | AccountLinkedToDebtor
  | MatchReviewRequested
  | MatchReviewResolved
  | DebtorsMerged
  | DebtorSplit
  | DebtorErased;
