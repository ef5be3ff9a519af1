import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Subscription } from '@cartera/eventstore';
import { placement, SYSTEM_CTX, useLedgerStore } from '../testing/ledger-fixtures';
import { accountStreamId } from './account-ids';
import { startAccountSummary } from './account-summary.table';
import { AccountsCommands } from './accounts.commands';
import { AgingJob } from './aging.job';
import { CreditorPolicies } from './creditor-policies';
import { InterestJob } from './interest.job';

describe('ledger daily jobs', () => {
  const ledger = useLedgerStore();
  const { t, db } = ledger;
  let store: PostgresEventStore;
  let projection: Subscription;
  let policies: CreditorPolicies;
  let commands: AccountsCommands;

  beforeAll(() => {
    store = ledger.store();
    policies = ledger.policies();
    commands = new AccountsCommands(store, policies);
    projection = startAccountSummary(store, t);
    ledger.onClose(() => projection.stop());
  });

  const place = async (ref: string, overrides: Parameters<typeof placement>[1]) => {
    const cmd = placement(ref, overrides);
    await commands.handle(cmd.data.accountId, cmd, SYSTEM_CTX);
    return cmd.data.accountId;
  };
  const bucketsOf = async (ids: string[]) => {
    await projection.caughtUp();
    const { rows } = await db().pool.query(
      `SELECT account_id, bucket, dpd FROM ${t.accounts} WHERE account_id = ANY($1::uuid[])`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [ids.indexOf(r.account_id), `${r.bucket}/${r.dpd}`]));
  };

  it('ages each account in its debtor’s zone, only when the bucket changes, with per-creditor schemes', async () => {
    await policies.set('short-bank', {
      buckets: [
        { id: 'current', fromDpd: 0 },
        { id: 'early', fromDpd: 1 },
        { id: 'late', fromDpd: 10 },
      ],
    });
    const ids = [
      await place('AGE-BOG', {
        creditorId: 'age-bank',
        firstUnpaidDueDate: '2026-02-28',
        timeZone: 'America/Bogota',
      }),
      await place('AGE-TYO', {
        creditorId: 'age-bank',
        firstUnpaidDueDate: '2026-02-28',
        timeZone: 'Asia/Tokyo',
      }),
      await place('AGE-NEW', {
        creditorId: 'age-bank',
        firstUnpaidDueDate: '2026-04-15',
        timeZone: 'Asia/Tokyo',
      }),
      await place('AGE-SHORT', {
        creditorId: 'short-bank',
        firstUnpaidDueDate: '2026-03-20',
        timeZone: 'America/Bogota',
      }),
    ];
    await projection.caughtUp();
    // 03:30 UTC on 31 March: still 30 March in Bogotá (DPD 30), already 31 March in Tokyo (DPD 31).
    const now = new Date('2026-03-31T03:30:00Z');
    expect(await new AgingJob(db().pool, t, commands).run(now)).toEqual({
      selected: 4,
      changed: 4,
      failed: 0,
    });
    expect(await bucketsOf(ids)).toEqual({ 0: '1-30/30', 1: '31-60/31', 2: 'current/0', 3: 'late/10' });
    expect(await new AgingJob(db().pool, t, commands).run(now)).toEqual({
      selected: 0,
      changed: 0,
      failed: 0,
    });
    // A day later Bogotá crosses the 30/31 edge; Tokyo stays in 31-60; nothing else moves.
    const tomorrow = new Date('2026-04-01T03:30:00Z');
    expect(await new AgingJob(db().pool, t, commands).run(tomorrow)).toEqual({
      selected: 1,
      changed: 1,
      failed: 0,
    });
    expect(await bucketsOf(ids)).toEqual({ 0: '31-60/31', 1: '31-60/31', 2: 'current/0', 3: 'late/10' });
  });

  it('assesses interest through yesterday once, however often the job runs that day', async () => {
    // 36.50 % a year on 1,000.00 is exactly 1.00 a day (actual/365).
    const id = await place('INT-1', {
      creditorId: 'int-bank',
      interestTerms: { annualRateBps: 3650 },
      placedAt: '2026-03-01T12:00:00Z',
    });
    await projection.caughtUp();
    const job = new InterestJob(db().pool, t, commands);
    const now = new Date('2026-03-11T12:00:00Z');
    const first = await job.run(now);
    const second = await job.run(now); // before the read model moved: the domain decides nothing
    expect(first).toEqual({ selected: 1, changed: 1, failed: 0 });
    expect(second.changed).toBe(0);
    await projection.caughtUp();
    expect(await job.run(now)).toEqual({ selected: 0, changed: 0, failed: 0 });
    const charges = (await store.readStream(accountStreamId(id))).filter((e) => e.type === 'ChargeAssessed');
    expect(charges).toHaveLength(1);
    // Days 2 to 10 March in Bogotá: 9 days of 100 minor units.
    expect(charges[0].data).toMatchObject({
      amount: 900n,
      accrual: { from: '2026-03-02', through: '2026-03-10' },
    });
    const { rows } = await db().pool.query(
      `SELECT interest::text, accrued_through::text FROM ${t.accounts} WHERE account_id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ interest: '2900', accrued_through: '2026-03-10' });
  });
});
