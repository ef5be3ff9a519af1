import { useTestDatabase } from '@cartera/testing';
import { paidOff, placement, startDebtors, type Person, type Placement } from './debtors.harness';

const ANA: Person = {
  fullName: 'Ana María Pérez',
  nationalId: '123-45-6789',
  dateOfBirth: '1985-03-14',
  phones: ['+1 212 555 0101'],
  emails: ['ana.perez@example.com'],
  region: 'NY',
  postalCode: '10001',
};

describe('debtor registry over HTTP and the bus (real PostgreSQL)', () => {
  let r: Awaited<ReturnType<typeof startDebtors>>;
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const debtorOf = async (p: Placement): Promise<string> =>
    (
      await db().pool.query<{ debtor_id: string }>(
        'SELECT debtor_id FROM case_management.debtor_accounts WHERE account_id = $1',
        [p.accountId],
      )
    ).rows[0]?.debtor_id;

  const acme = placement(ANA, 'acme-bank');
  const globex = placement({ ...ANA, fullName: 'ANA M. PEREZ', phones: [] }, 'globex');

  beforeAll(async () => {
    r = await startDebtors(db().url);
    // One after the other: which placement registers the debtor would otherwise be a race.
    await r.publish([acme.message]);
    await r.publish([globex.message]);
  });

  it('same person placed by two creditors → one debtor, linked by exact national id + country', async () => {
    const id = await debtorOf(acme.p);
    expect(await debtorOf(globex.p)).toBe(id);
    const res = await r.get(`/debtors/${id}`, ['supervisor']);
    expect(res.status).toBe(200);
    expect(res.body.identity).toEqual({
      name: 'Ana María Pérez',
      nationalId: { type: 'unspecified', country: 'US', value: '123-45-6789' },
      dateOfBirth: '1985-03-14',
    });
    expect(
      res.body.accounts.map((a: { accountId: string; linkedBy: object }) => [a.accountId, a.linkedBy]).sort(),
    ).toEqual(
      [
        [acme.p.accountId, { id: 'debtor-matching', version: 1 }],
        [globex.p.accountId, { id: 'national-id-country', version: 1 }],
      ].sort(),
    );
    expect(res.body.contactPoints).toContainEqual(
      expect.objectContaining({ kind: 'phone', value: '+1 212 555 0101', provenance: 'creditor_supplied' }),
    );
  });

  it('a creditor-scoped token sees only its own accounts (and contact points) of the shared debtor', async () => {
    const id = await debtorOf(acme.p);
    const res = await r.get(`/debtors/${id}`, ['agent'], ['globex']);
    expect(res.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([globex.p.accountId]);
    expect(
      res.body.contactPoints.every(
        (c: { source: { creditorId: string } }) => c.source.creditorId === 'globex',
      ),
    ).toBe(true);
    expect((await r.get(`/debtors/${id}`, ['agent'], ['initech'])).status).toBe(404);
  });

  it('gives tokens, not personal data, to roles that do not work the debtor', async () => {
    const res = await r.get(`/debtors/${await debtorOf(acme.p)}`, ['analyst']);
    expect(res.body.identity.name).toBe('[masked]');
    expect(JSON.stringify(res.body)).not.toContain('ana.perez');
  });

  it('no match → a new debtor, no review', async () => {
    const bob = placement(
      { fullName: 'Bob Stone', phones: ['+1 305 555 0199'], emails: ['bob@example.com'] },
      'acme-bank',
    );
    await r.publish([bob.message]);
    const id = await debtorOf(bob.p);
    expect(id).toBeDefined();
    expect(id).not.toBe(await debtorOf(acme.p));
    const reviews = await r.get('/debtor-matches/reviews', ['supervisor']);
    expect(reviews.body.filter((v: { accountId: string }) => v.accountId === bob.p.accountId)).toEqual([]);
  });

  describe('weak match (same phone, another name) → review → link merges → split undoes it', () => {
    const weak = placement({ fullName: 'A. Perez-Gomez', phones: ['+12125550101'], emails: [] }, 'initech');
    let ana: string;
    let reviewed: string;

    beforeAll(async () => {
      await r.publish([weak.message]);
      ana = await debtorOf(acme.p);
      reviewed = await debtorOf(weak.p);
    });

    it('registers a debtor of its own and queues a review naming the candidate and the weak rule', async () => {
      expect(reviewed).not.toBe(ana);
      const res = await r.get('/debtor-matches/reviews', ['supervisor']);
      expect(res.body).toContainEqual(
        expect.objectContaining({
          debtorId: reviewed,
          accountId: weak.p.accountId,
          candidateDebtorIds: [ana],
          rule: { id: 'phone', version: 1 },
        }),
      );
      expect((await r.get('/debtor-matches/reviews', ['supervisor'], ['acme-bank'])).body).toEqual([]);
      expect((await r.get('/debtor-matches/reviews', ['agent'])).status).toBe(403);
    });

    it('link: the reviewed debtor is merged into the candidate, accounts and read model follow', async () => {
      const [review] = (await r.get('/debtor-matches/reviews', ['supervisor'])).body.filter(
        (v: { debtorId: string }) => v.debtorId === reviewed,
      );
      const res = await r.post(`/debtor-matches/reviews/${review.reviewId}`, { decision: 'link' });
      expect(res.body).toEqual({ reviewId: review.reviewId, decision: 'link', debtorId: ana });
      const view = (await r.get(`/debtors/${ana}`, ['supervisor'])).body;
      expect(view.accounts.map((a: { accountId: string }) => a.accountId)).toContain(weak.p.accountId);
      expect(view.mergedRecords).toEqual([reviewed]);
      expect((await r.get(`/debtors/${reviewed}`, ['supervisor'])).body).toMatchObject({
        status: 'merged',
        mergedInto: ana,
      });
      expect(await debtorOf(weak.p)).toBe(ana);
    });

    it('split of the merged accounts restores the absorbed debtor', async () => {
      const res = await r.post(`/debtors/${ana}/split`, { accountIds: [weak.p.accountId] });
      expect(res.body).toEqual({ debtorId: reviewed });
      expect(await debtorOf(weak.p)).toBe(reviewed);
      const back = (await r.get(`/debtors/${reviewed}`, ['supervisor'])).body;
      expect(back).toMatchObject({
        status: 'registered',
        mergedInto: null,
        identity: { name: 'A. Perez-Gomez' },
      });
      expect((await r.get(`/debtors/${ana}`, ['supervisor'])).body.mergedRecords).toEqual([]);
    });

    it('split of a strongly linked account gives it a debtor of its own, with the data its placement brought', async () => {
      const res = await r.post(`/debtors/${ana}/split`, { accountIds: [globex.p.accountId] });
      expect(res.status).toBe(200);
      expect(await debtorOf(globex.p)).toBe(res.body.debtorId);
      const split = (await r.get(`/debtors/${res.body.debtorId}`, ['supervisor'])).body;
      expect(split.identity.name).toBe('ANA M. PEREZ');
      expect(split.accounts).toEqual([
        expect.objectContaining({
          accountId: globex.p.accountId,
          linkedBy: { id: 'manual-split', version: 1 },
        }),
      ]);
      expect(
        (await r.get(`/debtors/${ana}`, ['supervisor'])).body.accounts.map(
          (a: { accountId: string }) => a.accountId,
        ),
      ).toEqual([acme.p.accountId]);
    });

    it('refuses a split that would take every account, and bad input names the field', async () => {
      const all = await r.post(`/debtors/${ana}/split`, { accountIds: [acme.p.accountId] });
      expect(all.status).toBe(409);
      expect(all.body.code).toBe('unknown_account');
      const bad = await r.post(`/debtors/${ana}/split`, { accountIds: ['nope'] });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('erasure', () => {
    it('is refused with 409 naming the open balance, and only the privacy role may ask', async () => {
      const id = await debtorOf(acme.p);
      expect((await r.post(`/debtors/${id}/erasure`, {}, ['supervisor'])).status).toBe(403);
      const res = await r.post(`/debtors/${id}/erasure`, {}, ['privacy']);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'retention_hold',
        detail: `open balance on ${acme.p.accountId}; retention period of us-reg-f-1006.100 v1 until 2029-06-01`,
        holds: [
          { kind: 'open_balance', accountIds: [acme.p.accountId] },
          { kind: 'retention_period', policy: { id: 'us-reg-f-1006.100', version: 1 }, until: '2029-06-01' },
        ],
      });
    });

    it('is refused within Reg F’s 3 years after the last collection activity of a US debtor', async () => {
      const cleo = placement(
        { fullName: 'Cleo Park', phones: [], emails: ['cleo@example.com'] },
        'acme-bank',
      );
      await r.publish([cleo.message, ...paidOff(cleo.p, '2026-06-20')]);
      const res = await r.post(`/debtors/${await debtorOf(cleo.p)}/erasure`, {}, ['privacy']);
      expect(res.status).toBe(409);
      expect(res.body.holds).toEqual([
        { kind: 'retention_period', policy: { id: 'us-reg-f-1006.100', version: 1 }, until: '2029-06-20' },
      ]);
    });
  });
});
