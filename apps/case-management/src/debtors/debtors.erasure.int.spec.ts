import { randomUUID } from 'node:crypto';
import { TOPICS } from '@cartera/contracts';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import { isCiphertext } from '@cartera/pii';
import { useTestDatabase } from '@cartera/testing';
import type { Pool } from 'pg';
import { DEBTORS_STORE } from './debtors.infrastructure';
import { paidOff, placement, startDebtors, type Person, type Placement } from './debtors.harness';

const DORA: Person = {
  fullName: 'Dora Quintana Ñúñez',
  nationalId: '79123456',
  phones: ['+57 310 555 0147'],
  emails: ['dora.quintana@example.co'],
  country: 'CO',
};
// The same person as a creditor knew her: another spelling, the same e-mail (weak → review → merged).
const DORA_TOO: Person = {
  fullName: 'D. Quintana',
  phones: ['+57 320 555 0999'],
  emails: ['DORA.QUINTANA@example.co'],
  country: 'CO',
};
const EVE: Person = {
  fullName: 'Eve Marlow',
  nationalId: '55501234',
  phones: ['+57 300 555 0123'],
  emails: ['eve@example.co'],
  country: 'CO',
};

/** Every value a person was placed with, as written and as normalised (what a leak would look like). */
const needlesOf = (p: Person): string[] => [
  p.fullName,
  ...(p.nationalId ? [p.nationalId] : []),
  ...p.phones,
  ...p.phones.map((x) => x.replace(/\D/g, '')),
  ...p.emails.map((e) => e.toLowerCase()),
];

type Hit = { column: string; needle: string };

/**
 * Like reading a pg_dump: every text, json and array column of every table of every schema (event
 * store, bus, inbox, key store and read models), searched for each needle.
 */
const scanDatabase = async (pool: Pool, needles: readonly string[]): Promise<Hit[]> => {
  const { rows: columns } = await pool.query<{ s: string; t: string; c: string }>(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: Hit[] = [];
  for (const { s, t, c } of columns) {
    // The ledger's own outbound placements carry the debtor block in plaintext (upstream, reported).
    const upstream =
      s === 'bus' && t === 'messages' ? `AND topic NOT IN ('${TOPICS.ledger}', '${TOPICS.ledger}.dlq')` : '';
    for (const needle of needles) {
      const { rows } = await pool.query(
        `SELECT 1 FROM "${s}"."${t}" WHERE "${c}"::text ILIKE $1 ${upstream} LIMIT 1`,
        [`%${needle}%`],
      );
      if (rows.length) hits.push({ column: `${s}.${t}.${c}`, needle });
    }
  }
  return hits;
};

describe('erasure by crypto-shredding (real PostgreSQL)', () => {
  let r: Awaited<ReturnType<typeof startDebtors>>;
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const dora = placement(DORA, 'acme-bank');
  const doraToo = placement(DORA_TOO, 'globex');
  const eve = placement(EVE, 'acme-bank');
  let doraId: string;
  const debtorOf = async (p: Placement): Promise<string> =>
    (
      await db().pool.query('SELECT debtor_id FROM case_management.debtor_accounts WHERE account_id = $1', [
        p.accountId,
      ])
    ).rows[0]?.debtor_id;

  beforeAll(async () => {
    r = await startDebtors(db().url);
    // Dora first: the weak match of her second placement must find her, not the other way round.
    await r.publish([dora.message]);
    await r.publish([doraToo.message, eve.message]);
    await r.publish([
      ...paidOff(dora.p, '2026-07-01'),
      ...paidOff(doraToo.p, '2026-07-02'),
      ...paidOff(eve.p, '2026-07-03'),
    ]);
    doraId = await debtorOf(dora.p);
    const [review] = (await r.get('/debtor-matches/reviews', ['supervisor'])).body;
    expect(review).toMatchObject({ candidateDebtorIds: [doraId], rule: { id: 'email', version: 1 } });
    await r.post(`/debtor-matches/reviews/${review.reviewId}`, { decision: 'link' });
  });

  it('stores no plaintext personal data in any event of the debtor streams', async () => {
    const store = r.app.get<PostgresEventStore>(DEBTORS_STORE);
    const events = await store.readAll({ filter: { categories: ['debtor'] } });
    expect(events.length).toBeGreaterThan(0);
    const text = JSON.stringify(events.map((e) => e.data));
    for (const needle of [...needlesOf(DORA), ...needlesOf(DORA_TOO), ...needlesOf(EVE)])
      expect(text).not.toContain(needle);
    const registered = events.find((e) => e.type === 'DebtorRegistered') as unknown as {
      data: { profile: { identity: { name: string } } };
    };
    expect(isCiphertext(registered.data.profile.identity.name)).toBe(true);
  });

  it('is refused while a dispute stands on one of the accounts, and allowed once it is lifted', async () => {
    const hold = {
      caseId: randomUUID(),
      debtorId: randomUUID(),
      creditorId: 'acme-bank',
      holdId: 'h-dispute-1',
    };
    const message = (type: string, payload: object) => ({
      key: hold.debtorId,
      messageId: randomUUID(),
      type,
      schemaVersion: 1,
      payload: { ...hold, ...payload },
    });
    await r.publish(
      [
        message('HoldPlaced', {
          reason: 'dispute',
          accountIds: [eve.p.accountId],
          placedAt: '2026-07-04T09:00:00Z',
        }),
      ],
      TOPICS.caseManagement,
    );
    const eveId = await debtorOf(eve.p);
    const refused = await r.post(`/debtors/${eveId}/erasure`, {}, ['privacy']);
    expect(refused.status).toBe(409);
    expect(refused.body.holds).toEqual([{ kind: 'active_hold', holdId: 'h-dispute-1', reason: 'dispute' }]);
    await r.publish([message('HoldLifted', { liftedAt: '2026-07-05T09:00:00Z' })], TOPICS.caseManagement);
    expect((await r.post(`/debtors/${eveId}/erasure`, {}, ['privacy'])).status).toBe(200);
  });

  it('destroys the keys of the debtor and of the record merged into it; the read model shows the erased marker, money stays', async () => {
    const res = await r.post(`/debtors/${doraId}/erasure`, {}, ['privacy']);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ debtorId: doraId, status: 'erased' });
    const view = (await r.get(`/debtors/${doraId}`, ['supervisor'])).body;
    expect(view).toMatchObject({
      status: 'erased',
      identity: { name: '[erased]', nationalId: { value: '[erased]' } },
      contactPoints: [],
    });
    expect(
      view.accounts
        .map((a: { accountId: string; balanceMinor: string }) => [a.accountId, a.balanceMinor])
        .sort(),
    ).toEqual(
      [
        [dora.p.accountId, '0'],
        [doraToo.p.accountId, '0'],
      ].sort(),
    );
    expect((await r.post(`/debtors/${doraId}/erasure`, {}, ['privacy'])).status).toBe(200);
  });

  it('leaves the debtor’s name, id number, phone and e-mail in no table of any schema, the event store included', async () => {
    expect(
      await scanDatabase(db().pool, [...needlesOf(DORA), ...needlesOf(DORA_TOO), ...needlesOf(EVE)]),
    ).toEqual([]);
  });

  it('keeps the debtor streams’ hash chains intact after erasure', async () => {
    const store = r.app.get<PostgresEventStore>(DEBTORS_STORE);
    expect(await store.verifyStream(`debtor-${doraId}`)).toMatchObject({ ok: true });
  });

  it('a new placement of an erased person matches nobody: their blind indexes are gone', async () => {
    const again = placement(DORA, 'initech');
    await r.publish([again.message]);
    const id = await debtorOf(again.p);
    expect(id).toBeDefined();
    expect(id).not.toBe(doraId);
  });
});
