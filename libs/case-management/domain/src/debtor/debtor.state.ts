import type { AccountRef, DebtorProfile, RuleRef } from './debtor.profile';

/** An account the debtor holds, and the rule that put it here. */
export type HeldAccount = AccountRef & Readonly<{ rule: RuleRef }>;

export type OpenReview = Readonly<{ candidateDebtorIds: readonly string[]; rule: RuleRef }>;

/**
 * A debtor of the registry: one person, across the accounts of every creditor.
 * - `registered` — in use; `absorbed` lists records merged into this one (and the accounts each brought).
 * - `merged` — this record was one person with `into`; it keeps its own sealed data for a later split.
 * - `erased` — the data key is gone: no personal data can be read or added, the accounts stay.
 */
export type Debtor =
  | Readonly<{ status: 'unregistered' }>
  | Readonly<{
      status: 'registered';
      debtorId: string;
      profile: DebtorProfile;
      accounts: Readonly<Record<string, HeldAccount>>;
      absorbed: Readonly<Record<string, readonly string[]>>;
      openReviews: Readonly<Record<string, OpenReview>>;
      closedReviews: readonly string[];
      splitTo: readonly string[];
    }>
  | Readonly<{ status: 'merged'; debtorId: string; into: string; registered: Registered }>
  | Readonly<{ status: 'erased'; debtorId: string; accountIds: readonly string[] }>;

export type Registered = Extract<Debtor, { status: 'registered' }>;

export const initialState = (): Debtor => ({ status: 'unregistered' });
