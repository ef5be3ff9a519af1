import type { PlaceAccount } from '@cartera/ledger-domain';
import { accountIdOf } from '../accounts/account-ids';

/** A placement command for tests: 1,000.00 principal, 20.00 interest, 15.00 fees in COP unless overridden. */
export const placement = (ref: string, overrides: Partial<PlaceAccount['data']> = {}): PlaceAccount => {
  const creditorId = overrides.creditorId ?? 'acme-bank';
  return {
    type: 'PlaceAccount',
    data: {
      accountId: accountIdOf(creditorId, ref),
      creditorId,
      creditorAccountRef: ref,
      debtor: { reference: `D-${ref}`, identity: { fullName: 'Ana Pérez' }, contact: { emails: ['ana@example.com'], phones: [] } },
      currency: 'COP',
      balance: { principal: 100_000n, interest: 2_000n, fees: 1_500n },
      originatedOn: '2023-01-15',
      firstUnpaidDueDate: '2026-01-01',
      chargedOffOn: null,
      lastPaymentOn: null,
      product: 'credit_card',
      interestTerms: null,
      timeZone: 'America/Bogota',
      placedAt: '2026-01-10T12:00:00Z',
      ...overrides,
    },
  };
};

export const SYSTEM_CTX = { actor: { kind: 'system', id: 'test' } } as const;
