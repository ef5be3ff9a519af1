import { randomUUID } from 'node:crypto';
import { TOPICS } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import { startCaseManagement, type CaseHarness } from '../testing/case-harness';
import { accountOf, placed } from '../testing/ledger-messages';

describe('supervisor views, bulk work, locks, scrubs and the time-barred guard', () => {
  let h: CaseHarness;
  afterAll(() => h?.close());
  const db = useTestDatabase();
  beforeAll(async () => {
    h = await startCaseManagement(db().url);
  });

  const openCases = async (n: number, creditorId = 'acme-bank') => {
    const accounts = Array.from({ length: n }, () => accountOf(randomUUID(), creditorId));
    await h.ledgerBus.publish(
      TOPICS.ledger,
      accounts.map((a) => placed(a, '2026-11-02', 10_000n)),
    );
    await h.caughtUp();
    return accounts.map((a) => ({ caseId: h.caseIdOf(a.debtorId, creditorId), debtorId: a.debtorId }));
  };
  const ids = (body: { caseId: string }[]) => body.map((c) => c.caseId).sort();

  it('shows queues per team and status, unassigned and stale cases, and reassigns an agent’s cases at once', async () => {
    const cases = await openCases(4, 'sup-bank');
    const supervisor = await h.as(['supervisor'], { creditors: ['sup-bank'] });
    for (const { caseId } of cases.slice(0, 3))
      await h.http
        .post(`/cases/${caseId}/assignment`)
        .set('Authorization', supervisor)
        .send({ agentId: 'agent-a', teamId: 'team-1' })
        .expect(201);
    await h.caughtUp();

    const queues = await h.http.get('/supervisor/queues').set('Authorization', supervisor);
    expect(queues.body).toEqual([
      { teamId: null, status: 'new', cases: 1 },
      { teamId: 'team-1', status: 'new', cases: 3 },
    ]);
    const unassigned = await h.http.get('/supervisor/unassigned').set('Authorization', supervisor);
    expect(ids(unassigned.body)).toEqual([cases[3].caseId]);
    // Placed on 2 November and untouched since; the assigned ones changed just now.
    const stale = await h.http
      .get('/supervisor/stale')
      .query({ inactiveDays: 14 })
      .set('Authorization', supervisor);
    expect(ids(stale.body)).toEqual([cases[3].caseId]);

    const moved = await h.http
      .post('/supervisor/reassignments')
      .set('Authorization', supervisor)
      .send({ fromAgentId: 'agent-a', toAgentId: 'agent-b', toTeamId: 'team-2' });
    expect(moved.status).toBe(201);
    expect(moved.body).toEqual({ requested: 3, changed: 3, unchanged: 0, notFound: 0 });
    const again = await h.http
      .post('/supervisor/reassignments')
      .set('Authorization', supervisor)
      .send({ caseIds: [cases[0].caseId, randomUUID()], toAgentId: 'agent-b', toTeamId: 'team-2' });
    expect(again.body).toEqual({ requested: 2, changed: 0, unchanged: 1, notFound: 1 });
    await h.caughtUp();
    const worklist = await h.http.get('/worklists/agents/agent-b').set('Authorization', supervisor);
    expect(ids(worklist.body)).toEqual(ids(cases.slice(0, 3)));
    const bad = await h.http
      .post('/supervisor/reassignments')
      .set('Authorization', supervisor)
      .send({ toAgentId: 'x' });
    expect(bad.status).toBe(400);
  });

  it('lets one agent work a case at a time', async () => {
    const [{ caseId }] = await openCases(1);
    const ana = await h.as(['agent'], { sub: 'agent-ana' });
    const ben = await h.as(['agent'], { sub: 'agent-ben' });
    expect((await h.http.post(`/cases/${caseId}/lock`).set('Authorization', ana)).status).toBe(201);
    const taken = await h.http.post(`/cases/${caseId}/lock`).set('Authorization', ben);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'case_locked', detail: expect.stringContaining('agent-ana') });
    const blocked = await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', ben)
      .send({ to: 'contacted' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('case_locked');
    await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', ana)
      .send({ to: 'contacted' })
      .expect(201);
    await h.http.post(`/cases/${caseId}/lock/release`).set('Authorization', ana).expect(201);
    expect((await h.http.post(`/cases/${caseId}/lock`).set('Authorization', ben)).status).toBe(201);
  });

  it('holds every case of a debtor flagged deceased or bankrupt by a scrub file, once', async () => {
    const [first, second] = await openCases(2);
    const compliance = await h.as(['compliance']);
    const file = {
      source: 'scrub-2026-12-04.csv',
      hits: [
        { debtorId: first.debtorId, flag: 'deceased', reference: 'row-1' },
        { debtorId: second.debtorId, flag: 'bankruptcy', reference: 'row-2' },
        { debtorId: randomUUID(), flag: 'bankruptcy', reference: 'row-3' },
      ],
    };
    const res = await h.http.post('/scrubs').set('Authorization', compliance).send(file);
    expect(res.body).toEqual({ requested: 2, changed: 2, unchanged: 0, notFound: 0 });
    expect((await h.http.post('/scrubs').set('Authorization', compliance).send(file)).body).toMatchObject({
      changed: 0,
      unchanged: 2,
    });
    await h.caughtUp();
    const agent = await h.as(['agent']);
    const holds = await h.http.get('/holds').query({ debtorId: first.debtorId }).set('Authorization', agent);
    expect(holds.body).toEqual([
      expect.objectContaining({
        reason: 'deceased',
        holdId: 'scrub-deceased-scrub_file-scrub-2026-12-04.csv:row-1',
      }),
    ]);
    const bad = await h.http
      .post('/scrubs')
      .set('Authorization', compliance)
      .send({ source: 'x', hits: [{ flag: 'ill' }] });
    expect(bad.status).toBe(400);
  });

  it('marks a case past its statute of limitations and refuses to take it to legal', async () => {
    const account = accountOf(randomUUID());
    const address = { lines: ['1 Main St'], city: 'Albany', region: 'NY', country: 'US' };
    const fresh = accountOf(randomUUID());
    await h.ledgerBus.publish(TOPICS.ledger, [
      placed(account, '2026-11-02', 10_000n, undefined, {
        debtor: { address },
        extra: { lastPaymentOn: '2021-06-01' },
      }),
      placed(fresh, '2026-11-02', 10_000n, undefined, {
        debtor: { address },
        extra: { lastPaymentOn: '2025-06-01' },
      }),
    ]);
    await h.caughtUp();
    const agent = await h.as(['agent']);
    const caseId = h.caseIdOf(account.debtorId, 'acme-bank');
    const listed = await h.http
      .get('/cases')
      .query({ debtorId: account.debtorId })
      .set('Authorization', agent);
    expect(listed.body[0].tags).toEqual(['time_barred']);
    const legal = await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', agent)
      .send({ to: 'legal' });
    expect(legal.status).toBe(409);
    expect(legal.body).toMatchObject({
      code: 'time_barred',
      detail: expect.stringContaining('us-ny-ccfa-2022'),
    });
    const freshCase = h.caseIdOf(fresh.debtorId, 'acme-bank');
    await h.http
      .post(`/cases/${freshCase}/status`)
      .set('Authorization', agent)
      .send({ to: 'legal' })
      .expect(201);
  });
});
