import type { ContactPoint, RuleRef } from '@cartera/case-management-domain';

/** A personal field as a reader gets it: plaintext for permitted roles, `[masked]` otherwise, `[erased]` after erasure. */
export type PersonalField = string | null;

export type DebtorAccountView = Readonly<{
  accountId: string;
  creditorId: string;
  linkedBy: RuleRef;
  balanceMinor: string | null;
  currency: string | null;
  status: string | null;
}>;

export type DebtorView = Readonly<{
  debtorId: string;
  status: 'registered' | 'merged' | 'erased';
  mergedInto: string | null;
  identity: Readonly<{
    name: PersonalField;
    nationalId: Readonly<{ type: string | null; country: string | null; value: PersonalField }> | null;
    dateOfBirth: PersonalField;
  }>;
  contactPoints: readonly (Omit<ContactPoint, 'value'> & { value: PersonalField })[];
  timeZones: readonly string[];
  jurisdiction: Readonly<{ country: string; region: string | null }>;
  preferredLanguage: string | null;
  /** Records merged into this one (each can be split off again). */
  mergedRecords: readonly string[];
  accounts: readonly DebtorAccountView[];
}>;

export type MatchReviewView = Readonly<{
  reviewId: string;
  debtorId: string;
  accountId: string;
  creditorId: string;
  candidateDebtorIds: readonly string[];
  rule: RuleRef;
  requestedAt: string;
}>;
