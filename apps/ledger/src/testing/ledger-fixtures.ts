import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import type { PlaceAccount } from '@cartera/ledger-domain';
import { useTestDatabase } from '@cartera/testing';
import { accountIdOf } from '../accounts/account-ids';
import { CreditorPolicies } from '../accounts/creditor-policies';
import { ledgerTables, migrateLedgerSchema } from '../ledger.schema';

/** A placement command for tests: 1,000.00 principal, 20.00 interest, 15.00 fees in COP unless overridden. */
export const placement = (ref: string, overrides: Partial<PlaceAccount['data']> = {}): PlaceAccount => {
  const creditorId = overrides.creditorId ?? 'acme-bank';
  return {
    type: 'PlaceAccount',
    data: {
      accountId: accountIdOf(creditorId, ref),
      creditorId,
      creditorAccountRef: ref,
      debtor: {
        reference: `D-${ref}`,
        identity: { fullName: 'Ana Pérez' },
        contact: { emails: ['ana@example.com'], phones: [] },
      },
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

/**
 * The ledger's schema, event store and creditor policies on a fresh test database. `onClose`
 * registers what must stop before the store closes (subscriptions); this file's own after-all
 * hook is declared before the database's, so everything lets go of its connections before the drop.
 */
export const useLedgerStore = () => {
  const t = ledgerTables('ledger');
  let ready: { store: PostgresEventStore; policies: CreditorPolicies } | undefined;
  const stops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
    await ready?.store.close();
  });
  const db = useTestDatabase();
  beforeAll(async () => {
    await migrateLedgerSchema(db().pool, t);
    const store = await createPostgresEventStore({ pool: db().pool, schema: 'ledger' });
    const policies = new CreditorPolicies(db().pool, t);
    await policies.refresh();
    ready = { store, policies };
  });
  const get = () => {
    if (!ready) throw new Error('useLedgerStore: used before its beforeAll ran');
    return ready;
  };
  return {
    t,
    db,
    store: () => get().store,
    policies: () => get().policies,
    onClose: (stop: () => Promise<unknown>) => void stops.push(stop),
  };
};
