import { randomUUID } from 'node:crypto';
import { TOPICS } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import { startCaseManagement, type CaseHarness } from '../testing/case-harness';
import { accountOf, bucketChanged, placed } from '../testing/ledger-messages';

describe('cases over HTTP', () => {
  let h: CaseHarness;
  afterAll(() => h?.close());
  const db = useTestDatabase();
  beforeAll(async () => {
    h = await startCaseManagement(db().url);
  });

  const openCase = async (principal: bigint, creditorId = 'acme-bank', dpd?: number) => {
    const account = accountOf(randomUUID(), creditorId);
    await h.ledgerBus.publish(TOPICS.ledger, [
      placed(account, '2026-11-02', principal),
      ...(dpd === undefined
        ? []
        : [bucketChanged(account, '2026-11-20', dpd > 90 ? '91-120' : '31-60', dpd)]),
    ]);
    return h.caseIdOf(account.debtorId, creditorId);
  };

  it('refuses an illegal move with 409 problem+json naming the current status, and bad input with 400 naming fields', async () => {
    const caseId = await openCase(10_000n);
    await h.caughtUp();
    const agent = await h.as(['agent']);
    await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', agent)
      .send({ to: 'legal' })
      .expect(201);
    const illegal = await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', agent)
      .send({ to: 'promise_active' });
    expect(illegal.status).toBe(409);
    expect(illegal.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(illegal.body).toMatchObject({
      code: 'illegal_transition',
      detail: expect.stringContaining('current status legal'),
    });
    const repeat = await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', agent)
      .send({ to: 'legal' });
    expect(repeat.status).toBe(200);

    const bad = await h.http
      .post(`/cases/${caseId}/interactions`)
      .set('Authorization', agent)
      .send({ interactionId: 'i', kind: 'call', channel: 'pigeon', occurredAt: 'yesterday', extra: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'channel',
      'extra',
      'occurredAt',
      'outcome',
    ]);
  });

  it('hides another creditor’s case (404) and lists only the caller’s creditors', async () => {
    const caseId = await openCase(10_000n, 'other-bank');
    await h.caughtUp();
    const scoped = await h.as(['supervisor'], { creditors: ['acme-bank'] });
    expect((await h.http.get(`/cases/${caseId}`).set('Authorization', scoped)).status).toBe(404);
    const move = await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', scoped)
      .send({ to: 'contacted' });
    expect(move.status).toBe(404);
    const unknown = await h.http.get(`/cases/${randomUUID()}`).set('Authorization', await h.as(['agent']));
    expect(unknown.status).toBe(404);
  });

  it('orders a worklist by priority with the terms explaining why, filtered by bucket, creditor and status', async () => {
    const small = await openCase(10_000n);
    const big = await openCase(900_000n);
    const late = await openCase(1_000_000n, 'acme-bank', 120);
    const elsewhere = await openCase(2_000_000n, 'other-bank');
    await h.caughtUp();
    const supervisor = await h.as(['supervisor']);
    for (const id of [small, big, late, elsewhere])
      await h.http
        .post(`/cases/${id}/assignment`)
        .set('Authorization', supervisor)
        .send({ agentId: 'agent-9', teamId: 'team-n' })
        .expect(201);
    await h.caughtUp();

    const mine = await h.as(['agent'], { sub: 'agent-9' });
    const list = await h.http.get('/worklists/agents/agent-9').set('Authorization', mine);
    expect(list.status).toBe(200);
    expect(list.body.map((c: { caseId: string }) => c.caseId)).toEqual([elsewhere, late, big, small]);
    expect(list.body[1].priority.why).toBe(
      'balance 1000000 (open balance (minor units)) × likelihood 200 (status severe_delinquency) × urgency 1600 (120 days past due)',
    );
    const filtered = await h.http
      .get('/worklists/agents/agent-9')
      .query({ bucket: '91-120' })
      .set('Authorization', mine);
    expect(filtered.body.map((c: { caseId: string }) => c.caseId)).toEqual([late]);
    const byCreditor = await h.http
      .get('/worklists/teams/team-n')
      .query({ creditorId: 'other-bank' })
      .set('Authorization', mine);
    expect(byCreditor.body.map((c: { caseId: string }) => c.caseId)).toEqual([elsewhere]);
    const byStatus = await h.http
      .get('/worklists/teams/team-n')
      .query({ status: 'new' })
      .set('Authorization', supervisor);
    expect(byStatus.body.map((c: { caseId: string }) => c.caseId)).toEqual([elsewhere, big, small]);
    const scoped = await h.http
      .get('/worklists/agents/agent-9')
      .set('Authorization', await h.as(['supervisor'], { creditors: ['acme-bank'] }));
    expect(scoped.body.map((c: { caseId: string }) => c.caseId)).toEqual([late, big, small]);
    expect(
      (
        await h.http
          .get('/worklists/agents/agent-9')
          .set('Authorization', await h.as(['agent'], { sub: 'agent-1' }))
      ).status,
    ).toBe(403);
    expect(
      (await h.http.get('/worklists/agents/agent-9').query({ limit: 0 }).set('Authorization', mine)).status,
    ).toBe(400);
  });

  it('records interactions and tasks on the case', async () => {
    const caseId = await openCase(10_000n);
    await h.caughtUp();
    const agent = await h.as(['agent'], { sub: 'agent-4' });
    const promise = await h.http.post(`/cases/${caseId}/interactions`).set('Authorization', agent).send({
      interactionId: 'i-1',
      kind: 'call',
      outcome: 'promise',
      channel: 'phone',
      occurredAt: '2026-12-04T15:00:00Z',
      promisedOn: '2026-12-10',
    });
    expect(promise.status).toBe(201);
    expect(promise.body).toMatchObject({ status: 'promise_active', promiseDueOn: '2026-12-10' });
    const task = await h.http
      .post(`/cases/${caseId}/tasks`)
      .set('Authorization', agent)
      .send({ taskId: 't-1', kind: 'call_back', dueAt: '2026-12-10T15:00:00Z' });
    expect(task.status).toBe(201);
    expect(task.body.tasks).toEqual([
      expect.objectContaining({ taskId: 't-1', kind: 'call_back', completedAt: null }),
    ]);
  });

  it('documents every route, and each one needs a token and one of its roles', async () => {
    const doc = (await h.http.get('/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => /^\/(cases|worklists|holds|supervisor|scrubs)/.test(path))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => [method, path.replace(/\{[^}]+\}/g, randomUUID())] as const),
      );
    expect(routes.length).toBeGreaterThanOrEqual(19);
    const analyst = await h.as(['analyst']);
    for (const [method, path] of routes) {
      const call = (m: string) =>
        (h.http as unknown as Record<string, (p: string) => import('supertest').Test>)[m](path);
      expect([method, path, (await call(method)).status]).toEqual([method, path, 401]);
      expect([method, path, (await call(method).set('Authorization', analyst)).status]).toEqual([
        method,
        path,
        403,
      ]);
    }
  });
});
