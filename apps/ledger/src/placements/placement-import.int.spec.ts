import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { Subscription } from '@cartera/eventstore';
import { Readable } from 'node:stream';
import { accountIdOf, accountStreamId } from '../accounts/account-ids';
import { startAccountSummary } from '../accounts/account-summary.table';
import { useLedgerStore } from '../testing/ledger-fixtures';
import { PlacementImporter } from './placement-import';
import { PlacementsTable } from './placements.table';

const HEADER =
  'creditorId,creditorAccountRef,debtorReference,fullName,emails,timeZone,currency,principalMinor,feesMinor,originatedOn,firstUnpaidDueDate,product,interestRateBps';
const row = (ref: string, overrides: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    creditorId: 'acme-bank',
    creditorAccountRef: ref,
    debtorReference: `D-${ref}`,
    fullName: 'Ana Pérez',
    emails: 'ana@example.com;ana2@example.com',
    timeZone: 'America/Bogota',
    currency: 'COP',
    principalMinor: '100000',
    feesMinor: '0',
    originatedOn: '2023-01-15',
    firstUnpaidDueDate: '2026-01-01',
    product: 'card',
    interestRateBps: '2499',
    ...overrides,
  };
  return HEADER.split(',')
    .map((k) => (base[k].includes(',') ? `"${base[k]}"` : base[k]))
    .join(',');
};

describe('placement import (streamed)', () => {
  const ledger = useLedgerStore();
  const { t, db } = ledger;
  let store: PostgresEventStore;
  let projection: Subscription;
  let importer: PlacementImporter;
  let placements: PlacementsTable;

  beforeAll(() => {
    store = ledger.store();
    placements = new PlacementsTable(db().pool, t);
    importer = new PlacementImporter(store, db().pool, t, ledger.policies(), placements, {
      batchSize: 3,
      parallel: 2,
    });
    projection = startAccountSummary(store, t);
    ledger.onClose(() => projection.stop());
  });

  const run = async (id: string, lines: string[], format: 'csv' | 'ndjson' = 'csv') => {
    await placements.start(id, format, 'tester', null);
    await importer.run(Readable.from([lines.join('\n') + '\n']), {
      placementId: id,
      format,
      actor: { kind: 'user', id: 'tester' },
      now: new Date('2026-02-01T12:00:00Z'),
    });
    return placements.get(id);
  };
  const errorsOf = async (id: string) => {
    const out: string[] = [];
    for await (const page of placements.errors(id))
      out.push(...page.map((e) => `${e.row}:${e.field}:${e.reason}`));
    return out;
  };

  it('places good rows, reports bad rows by row and field, and treats duplicates as no-ops', async () => {
    const id = '0190f5a4-7c1e-7b3a-9d2e-000000000001';
    const summary = await run(id, [
      HEADER,
      row('A-1'), // row 2
      row('A-2', { principalMinor: '12.50', timeZone: 'Mars/Olympus' }), // row 3: two bad fields
      row('A-3'), // row 4
      row('A-1'), // row 5: the same row again, same batch of 3 → duplicate
      row('A-4', { emails: 'not-an-email' }), // row 6
      'acme-bank,A-5', // row 7: too few fields
      row('A-3', { principalMinor: '999' }), // row 8: a different placement for A-3
      row('A-6', { creditorId: '' }), // row 9
      row('A-7'), // row 10
    ]);
    expect(summary).toMatchObject({
      status: 'completed',
      rowsRead: 9,
      rowsPlaced: 3,
      rowsDuplicate: 1,
      rowsRejected: 5,
    });
    expect(await errorsOf(id)).toEqual([
      '3:principalMinor:must be a whole number of minor units, zero or more (e.g. 150000)',
      '3:timeZone:must be an IANA time zone (e.g. America/Bogota)',
      '6:emails:not an e-mail address: not-an-email',
      '7:row:expected 13 fields, got 2',
      '8:creditorAccountRef:already_placed: a different placement exists for this account',
      '9:creditorId:is required',
    ]);
    const events = await store.readStream(accountStreamId(accountIdOf('acme-bank', 'A-1')));
    // Placed and aged at once: 31 days past due on 1 February in Bogotá.
    expect(events.map((e) => e.type)).toEqual(['AccountPlaced', 'DelinquencyBucketChanged']);
    expect(events[1].data).toMatchObject({ from: null, to: '31-60', dpd: 31 });
    expect(events[0].data).toMatchObject({
      interestTerms: { annualRateBps: 2499 },
      debtor: { contact: { emails: ['ana@example.com', 'ana2@example.com'] } },
    });
  });

  it('re-importing the same rows later is a no-op, also as NDJSON', async () => {
    await projection.caughtUp();
    const json = (ref: string, extra = {}) =>
      JSON.stringify({
        creditorId: 'acme-bank',
        creditorAccountRef: ref,
        debtorReference: `D-${ref}`,
        fullName: 'Ana Pérez',
        emails: ['ana@example.com', 'ana2@example.com'],
        timeZone: 'America/Bogota',
        currency: 'COP',
        principalMinor: '100000',
        feesMinor: '0',
        originatedOn: '2023-01-15',
        firstUnpaidDueDate: '2026-01-01',
        product: 'card',
        interestRateBps: 2499,
        ...extra,
      });
    const summary = await run(
      '0190f5a4-7c1e-7b3a-9d2e-000000000002',
      [json('A-1'), json('A-7'), '{oops', json('B-1', { nickname: 'x' }), json('B-2')],
      'ndjson',
    );
    expect(summary).toMatchObject({
      status: 'completed',
      rowsRead: 5,
      rowsPlaced: 1,
      rowsDuplicate: 2,
      rowsRejected: 2,
    });
    expect(await errorsOf('0190f5a4-7c1e-7b3a-9d2e-000000000002')).toEqual([
      '3:row:not a JSON object',
      '4:nickname:unknown field',
    ]);
  });
});
