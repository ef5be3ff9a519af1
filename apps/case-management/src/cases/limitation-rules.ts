import type { LimitationRule } from '@cartera/case-management-domain';

/**
 * Statutes of limitations on consumer debt, per jurisdiction, effective-dated (law changes; the
 * rule in force on the evaluation day applies and the mark records its version).
 */
export const LIMITATION_RULES: readonly LimitationRule[] = [
  { jurisdiction: 'US-NY', version: 'us-ny-cplr-213-1962', effectiveFrom: '1962-09-01', years: 6 },
  { jurisdiction: 'US-NY', version: 'us-ny-ccfa-2022', effectiveFrom: '2022-04-07', years: 3 },
  { jurisdiction: 'US-CA', version: 'us-ca-ccp-337-1872', effectiveFrom: '1872-01-01', years: 4 },
  { jurisdiction: 'US-TX', version: 'us-tx-cprc-16.004-1985', effectiveFrom: '1985-09-01', years: 4 },
  { jurisdiction: 'ES', version: 'es-cc-1964-1889', effectiveFrom: '1889-07-24', years: 15 },
  { jurisdiction: 'ES', version: 'es-ley-42-2015', effectiveFrom: '2015-10-07', years: 5 },
  { jurisdiction: 'CO', version: 'co-cc-2536-2002', effectiveFrom: '2002-12-27', years: 5 },
  { jurisdiction: 'MX', version: 'mx-ccf-1159-1928', effectiveFrom: '1932-10-01', years: 10 },
];
