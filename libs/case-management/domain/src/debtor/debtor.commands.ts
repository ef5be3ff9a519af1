import type { Command } from '@cartera/decider';
import type { AccountRef, ContactPoint, DebtorProfile, Identity, Instant, RuleRef } from './debtor.profile';
import type { RetentionFacts, RetentionPolicy } from './retention';

/** Opens a debtor with its first account; `review` when a weak match must be looked at by a person. */
export type RegisterDebtor = Command<
  'RegisterDebtor',
  {
    debtorId: string;
    profile: DebtorProfile;
    account: AccountRef;
    rule: RuleRef;
    review?: { reviewId: string; candidateDebtorIds: readonly string[]; rule: RuleRef };
    splitFrom?: string;
    at: Instant;
  }
>;

export type LinkAccountToDebtor = Command<
  'LinkAccount',
  AccountRef & {
    rule: RuleRef;
    placedIdentity: Identity;
    contactPoints: readonly ContactPoint[];
    at: Instant;
  }
>;

/** On the reviewed debtor: `link` merges it into `intoDebtorId` (one of the candidates). */
export type ResolveMatchReview = Command<
  'ResolveMatchReview',
  { reviewId: string; decision: 'link' | 'reject'; intoDebtorId?: string; resolvedBy: string; at: Instant }
>;

/** On the survivor, after the absorbed debtor recorded its side of the merge. */
export type AbsorbDebtor = Command<
  'AbsorbDebtor',
  { absorbedId: string; accounts: readonly AccountRef[]; rule: RuleRef; at: Instant }
>;

/** On the debtor that holds the accounts: they go to `toDebtorId` (the absorbed debtor restored, or a new one). */
export type SplitDebtor = Command<
  'SplitDebtor',
  { toDebtorId: string; accountIds: readonly string[]; splitBy: string; at: Instant }
>;

/** On a merged (absorbed) debtor: it stands alone again with these accounts. */
export type RestoreDebtor = Command<
  'RestoreDebtor',
  { fromDebtorId: string; accounts: readonly AccountRef[]; splitBy: string; at: Instant }
>;

/** Refused while a retention hold stands (the facts and policies arrive in the command). */
export type EraseDebtor = Command<
  'EraseDebtor',
  { erasedBy: string; at: Instant; facts: RetentionFacts; policies: readonly RetentionPolicy[] }
>;

export type DebtorCommand =
  | RegisterDebtor
  | LinkAccountToDebtor
  | ResolveMatchReview
  | AbsorbDebtor
  | SplitDebtor
  | RestoreDebtor
  | EraseDebtor;
