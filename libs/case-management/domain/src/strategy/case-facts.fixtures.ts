import { CaseFacts, ScoredFacts } from './case-facts';

/** A 12-days-past-due card case owing 250.00 USD, overridable field by field. */
export const caseFacts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-1',
  dpd: 12,
  bucket: '1-30',
  balanceMinor: 250_00n,
  currency: 'USD',
  product: 'card',
  creditorId: 'bank-1',
  jurisdiction: 'US-NY',
  promisesKept: 0,
  promisesBroken: 0,
  onTimePayments: 0,
  respondsOn: ['email'],
  tags: [],
  ...overrides,
});

export const scoredFacts = (overrides: Partial<ScoredFacts> = {}): ScoredFacts => ({
  ...caseFacts(),
  score: 60,
  scoreBand: 'medium',
  ...overrides,
});
