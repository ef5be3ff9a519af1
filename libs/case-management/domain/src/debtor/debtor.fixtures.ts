import { DeciderSpecification } from '@cartera/decider';
import type { DebtorCommand, EraseDebtor, RegisterDebtor } from './debtor.commands';
import type { DebtorEvent } from './debtor.events';
import type { DebtorProfile, RuleRef } from './debtor.profile';
import type { RetentionFacts } from './retention';
import { debtorDecider } from './index';

// Builders for the specifications; sealed fields are opaque strings, as the domain sees them.

export const given = DeciderSpecification.for(debtorDecider);

export const ANA = 'd0000000-0000-4000-8000-00000000000a';
export const ANA_TOO = 'd0000000-0000-4000-8000-00000000000b';
export const AT = '2026-12-04T15:00:00Z';
export const NATIONAL_ID_RULE: RuleRef = { id: 'national-id-country', version: 1 };
export const PHONE_RULE: RuleRef = { id: 'phone', version: 1 };
export const NO_MATCH: RuleRef = { id: 'debtor-matching', version: 1 };

export const profile = (overrides: Partial<DebtorProfile> = {}): DebtorProfile => ({
  identity: {
    name: 'pii1.sealed-name',
    nationalId: { type: 'CC', country: 'CO', value: 'pii1.sealed-id' },
    dateOfBirth: 'pii1.sealed-dob',
  },
  contactPoints: [
    { kind: 'phone', value: 'pii1.sealed-phone', provenance: 'creditor_supplied', validFrom: '2026-12-04' },
  ],
  timeZones: ['America/Bogota'],
  jurisdiction: { country: 'CO' },
  preferredLanguage: 'es-CO',
  ...overrides,
});

export const account = (accountId: string, creditorId = 'acme-bank') => ({ accountId, creditorId });

export const registerDebtor = (overrides: Partial<RegisterDebtor['data']> = {}): DebtorCommand => ({
  type: 'RegisterDebtor',
  data: { debtorId: ANA, profile: profile(), account: account('a-1'), rule: NO_MATCH, at: AT, ...overrides },
});

/** The two events a registration with no review records. */
export const registered = (debtorId = ANA, accountId = 'a-1', rule: RuleRef = NO_MATCH): DebtorEvent[] => [
  { type: 'DebtorRegistered', data: { debtorId, profile: profile(), registeredAt: AT } },
  {
    type: 'AccountLinked',
    data: {
      debtorId,
      ...account(accountId),
      rule,
      placedIdentity: profile().identity,
      contactPoints: profile().contactPoints,
      linkedAt: AT,
    },
  },
];

export const reviewRequested = (reviewId = 'r-1', debtorId = ANA_TOO, candidate = ANA): DebtorEvent => ({
  type: 'MatchReviewRequested',
  data: {
    reviewId,
    debtorId,
    accountId: 'a-2',
    candidateDebtorIds: [candidate],
    rule: PHONE_RULE,
    requestedAt: AT,
  },
});

export const facts = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  jurisdiction: { country: 'US', region: 'NY' },
  today: '2026-12-04',
  accounts: [
    { accountId: 'a-1', openBalanceMinor: 0n, currency: 'USD', lastCollectionActivityOn: '2022-01-10' },
  ],
  activeHolds: [],
  ...overrides,
});

export const eraseDebtor = (overrides: Partial<EraseDebtor['data']['facts']> = {}): DebtorCommand => ({
  type: 'EraseDebtor',
  data: {
    erasedBy: 'privacy-officer',
    at: AT,
    facts: facts(overrides),
    policies: [
      {
        id: 'us-reg-f-1006.100',
        version: 1,
        jurisdiction: 'US',
        effectiveFrom: '2021-11-30',
        retainYearsAfterLastActivity: 3,
        citation: '12 CFR 1006.100(a)',
      },
    ],
  },
});
