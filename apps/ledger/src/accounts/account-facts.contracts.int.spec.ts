import { validateContract } from '@cartera/contracts';
import type { AccountCommand } from '@cartera/ledger-domain';
import { placement, SYSTEM_CTX, useLedgerStore } from '../testing/ledger-fixtures';
import { accountStreamId } from './account-ids';
import { AccountsCommands } from './accounts.commands';
import { mapLedgerBatch } from './accounts.contracts';

describe('the publisher maps every ledger fact other services need to a versioned contract', () => {
  const ledger = useLedgerStore();

  it('publishes InterestAccrued, ChargeAssessed, AdjustmentApplied, AccountReopened and AccountSettled, each valid', async () => {
    const commands = new AccountsCommands(ledger.store(), ledger.policies());
    const cmd = placement('FACTS-1', { interestTerms: { annualRateBps: 2499 } });
    const id = cmd.data.accountId;
    const run = (c: AccountCommand) => commands.handle(id, c, SYSTEM_CTX);
    await run(cmd);
    await run({ type: 'AccrueInterest', data: { through: '2026-01-20' } });
    await run({
      type: 'AssessCharge',
      data: {
        chargeId: 'late-1',
        kind: 'late_fee',
        amount: 2_500n,
        currency: 'COP',
        assessedAt: '2026-01-21T12:00:00Z',
      },
    });
    await run({
      type: 'ApplyAdjustment',
      data: {
        adjustmentId: 'adj-1',
        delta: { fees: -1_000n },
        currency: 'COP',
        reason: 'waiver',
        note: 'Ana asked by phone',
        appliedAt: '2026-01-22T12:00:00Z',
      },
    });
    const pay = { paymentId: 'p-1', amount: 10_000_000n, currency: 'COP', channel: 'card' as const };
    await run({ type: 'PostPayment', data: { ...pay, paidAt: '2026-01-23T12:00:00Z' } });
    await run({
      type: 'ReversePayment',
      data: { paymentId: 'p-1', reason: 'chargeback', reversedAt: '2026-01-24T12:00:00Z' },
    });
    await run({ type: 'CloseAccount', data: { reason: 'settled', closedAt: '2026-01-25T12:00:00Z' } });

    const events = await ledger.store().readStream(accountStreamId(id));
    const messages = (await mapLedgerBatch(ledger.store())(events)).map((m) => m.message);
    const facts = messages.filter((m) => m.type !== 'BalanceChanged').map((m) => m.type);
    expect(facts).toEqual([
      'AccountPlaced',
      'InterestAccrued',
      'ChargeAssessed',
      'AdjustmentApplied',
      'InterestAccrued',
      'PaymentPosted',
      'AccountClosed',
      'PaymentReversed',
      'AccountReopened',
      'AccountClosed',
      'AccountSettled',
    ]);
    for (const m of messages)
      expect([m.type, validateContract(m.type, m.schemaVersion, m.payload).ok]).toEqual([m.type, true]);
    const adjustment = messages.find((m) => m.type === 'AdjustmentApplied');
    expect(JSON.stringify(adjustment?.payload)).not.toContain('Ana asked');
    expect(messages.find((m) => m.type === 'AccountSettled')?.payload).toMatchObject({
      settledOn: '2026-01-25',
    });
  });
});
