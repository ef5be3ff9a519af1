import { validateContract } from '../contract-registry';
import './index';

const base = {
  accountId: '0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e',
  debtorId: '6f1c2b7e-3d4a-5b6c-8d9e-0a1b2c3d4e5f',
  creditorId: 'acme-bank',
  currency: 'USD',
  promiseId: '0190f5a4-7c1e-7b3a-9d2e-1f2a3b4c5d6f',
};

describe('negotiation contracts', () => {
  it('accepts a well-formed PromiseMade v1', () =>
    expect(
      validateContract('PromiseMade', 1, {
        ...base,
        amountMinor: '20000',
        dueOn: '2026-12-10',
        deadline: '2026-12-13',
        toleranceDays: 3,
        channel: 'phone',
        takenBy: { kind: 'agent', id: 'agent-7' },
        ruleVersion: 'default-2026-01',
        madeAt: '2026-12-01T15:00:00.000Z',
      }).ok,
    ).toBe(true));

  it('names the failing fields of a decision, nested ones by path', () => {
    const result = validateContract('PromiseBroken', 1, {
      ...base,
      paidMinor: '1.5',
      ruleVersion: 'v1',
      decidedOn: 'soon',
    });
    expect(result.ok ? [] : result.errors.map((e) => e.property).sort()).toEqual([
      'decidedOn',
      'paidMinor',
      'shortfallMinor',
    ]);
  });

  it('checks who took a promise', () => {
    const result = validateContract('PromiseCancelled', 1, {
      ...base,
      reason: 'debtor asked',
      cancelledBy: { kind: 'robot', id: '' },
      cancelledAt: '2026-12-01T15:00:00.000Z',
    });
    expect(result.ok ? [] : result.errors.map((e) => e.property).sort()).toEqual([
      'cancelledBy.id',
      'cancelledBy.kind',
    ]);
  });
});
