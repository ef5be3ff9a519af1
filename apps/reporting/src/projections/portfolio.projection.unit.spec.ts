import { accountRef, balanceChanged, closed, paid, placed, reversed } from '../testing/ledger-messages';
import { projectPortfolio, type ProjectedMessage } from './portfolio.projection';
import type { AccountRow, PaymentRow } from './portfolio.rows';

const a = accountRef('acme-bank', 'COP');
const msg = (m: { type: string; payload: unknown; occurredAt?: Date | string }): ProjectedMessage => ({
  type: m.type,
  payload: m.payload,
  occurredAt: String(m.occurredAt),
});
/** Folds messages into the account row, as both sinks do. */
const given = (...ms: ProjectedMessage[]): AccountRow | undefined =>
  ms.reduce<AccountRow | undefined>((row, m) => projectPortfolio(m, row).account ?? row, undefined);

describe('projectPortfolio', () => {
  it('changes nothing for a message about an account it never saw placed', () => {
    expect(projectPortfolio(msg(paid(a, '2026-06-02', 'p', 100n)), undefined)).toEqual({
      portfolio: [],
      collections: [],
      movements: [],
    });
  });

  it('moves the account from one portfolio group to another as one pair of deltas', () => {
    const open = given(msg(placed(a, '2026-06-01', { principal: 1_000n })));
    const change = projectPortfolio(msg(closed(a, '2026-06-03', 'settled', { principal: 0n })), open);
    expect(change.portfolio).toEqual([
      {
        creditorId: 'acme-bank',
        currency: 'COP',
        bucket: 'unaged',
        status: 'active',
        day: '2026-06-03',
        count: -1,
        balance: -1_000n,
      },
      {
        creditorId: 'acme-bank',
        currency: 'COP',
        bucket: 'unaged',
        status: 'settled',
        day: '2026-06-03',
        count: 1,
        balance: 0n,
      },
    ]);
  });

  it('reopens an account paid in full when the payment is reversed, as the ledger does', () => {
    const paidInFull = given(
      msg(placed(a, '2026-06-01', { principal: 1_000n })),
      msg(paid(a, '2026-06-02', 'p-1', 1_000n)),
      msg(balanceChanged(a, '2026-06-02', 'PaymentPosted', { principal: 0n }, { principal: -1_000n })),
      msg(closed(a, '2026-06-02', 'paid_in_full')),
    );
    const payment: PaymentRow = {
      accountId: a.accountId,
      paymentId: 'p-1',
      creditorId: 'acme-bank',
      currency: 'COP',
      channel: 'card',
      amount: 1_000n,
      paidOn: '2026-06-02',
      reversedOn: null,
    };
    const change = projectPortfolio(msg(reversed(a, '2026-06-05', 'p-1', 1_000n)), paidInFull, payment);
    expect(change.account).toMatchObject({ status: 'active', closedOn: null, totalPaid: 0n });
    expect(change.payment?.reversedOn).toBe('2026-06-05');
    expect(change.collections).toEqual([
      expect.objectContaining({ day: '2026-06-05', channel: 'card', reversalCount: 1, reversed: 1_000n }),
    ]);
  });
});
