import { validateContract } from '../contract-registry';
import './index';

const base = {
  accountId: '0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e',
  debtorId: '6f1c2b7e-3d4a-5b6c-8d9e-0a1b2c3d4e5f',
  creditorId: 'acme-bank',
  currency: 'COP',
};

describe('ledger contracts', () => {
  it('accepts a well-formed PaymentPosted v1', () => {
    const result = validateContract('PaymentPosted', 1, {
      ...base,
      paymentId: 'psp-991',
      amountMinor: '150000',
      channel: 'bank_transfer',
      paidAt: '2026-11-20T15:04:05.000Z',
      paidOn: '2026-11-20',
      allocation: { principal: '100000', interest: '30000', fees: '20000' },
      toCreditMinor: '0',
    });
    expect(result.ok).toBe(true);
  });

  it('names every failing field, nested ones by path', () => {
    const result = validateContract('PaymentPosted', 1, {
      ...base,
      currency: 'XXQ',
      paymentId: 'psp-991',
      amountMinor: '1500.50',
      channel: 'pigeon',
      paidAt: 'yesterday',
      paidOn: '2026-11-20',
      allocation: { principal: 1, interest: '0', fees: '0' },
      toCreditMinor: '0',
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => e.property).sort();
    expect(fields).toEqual(['allocation.principal', 'amountMinor', 'channel', 'currency', 'paidAt']);
  });

  it('accepts a first aging (from null) and rejects a negative dpd', () => {
    const ok = validateContract('DelinquencyBucketChanged', 1, {
      ...base,
      from: null,
      to: '1-30',
      dpd: 3,
      asOf: '2026-11-20',
    });
    const bad = validateContract('DelinquencyBucketChanged', 1, {
      ...base,
      from: 'current',
      to: '1-30',
      dpd: -1,
      asOf: '2026-11-20',
    });
    expect(ok.ok).toBe(true);
    expect(bad.ok ? [] : bad.errors.map((e) => e.property)).toEqual(['dpd']);
  });

  it('validates the debtor block of AccountPlaced', () => {
    const placed = {
      ...base,
      creditorAccountRef: 'A-1',
      debtor: {
        reference: 'D-1',
        fullName: 'Ana Pérez',
        emails: ['not-an-email'],
        phones: ['+573001112233'],
        timeZone: 'America/Bogota',
      },
      balance: { principal: '100000', interest: '0', fees: '0' },
      product: 'credit_card',
      originatedOn: '2024-01-15',
      firstUnpaidDueDate: '2026-08-01',
      placedAt: '2026-11-20T15:04:05.000Z',
      status: 'active',
    };
    const result = validateContract('AccountPlaced', 1, placed);
    expect(result.ok ? [] : result.errors.map((e) => e.property)).toEqual(['debtor.emails']);
  });
});
