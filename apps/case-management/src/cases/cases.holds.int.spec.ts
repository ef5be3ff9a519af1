import { randomUUID } from 'node:crypto';
import { TOPICS } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import { startCaseManagement, type CaseHarness } from '../testing/case-harness';
import { accountOf, placed } from '../testing/ledger-messages';

describe('holds: the published hold check and the stop of every contact', () => {
  let h: CaseHarness;
  afterAll(() => h?.close());
  const db = useTestDatabase();
  beforeAll(async () => {
    h = await startCaseManagement(db().url);
  });

  const openCase = async () => {
    const debtorId = randomUUID();
    const account = accountOf(debtorId);
    await h.ledgerBus.publish(TOPICS.ledger, [placed(account, '2026-11-02', 80_000n)]);
    await h.caughtUp();
    return { debtorId, account, caseId: h.caseIdOf(debtorId, 'acme-bank') };
  };
  const call = (interactionId: string) => ({
    interactionId,
    kind: 'call',
    outcome: 'right_party_contact',
    channel: 'phone',
    occurredAt: '2026-12-04T15:00:00Z',
  });

  it('a hold stops calls, shows in the hold check and on the bus, and its lift resumes the case', async () => {
    const { debtorId, account, caseId } = await openCase();
    const agent = await h.as(['agent']);
    const supervisor = await h.as(['supervisor']);
    await h.http
      .post(`/cases/${caseId}/status`)
      .set('Authorization', agent)
      .send({ to: 'contacted' })
      .expect(201);

    const hold = { holdId: 'h-1', reason: 'bankruptcy', endsOn: '2099-12-31' };
    const placedHold = await h.http.post(`/cases/${caseId}/holds`).set('Authorization', agent).send(hold);
    expect(placedHold.status).toBe(201);
    expect(placedHold.body).toMatchObject({ status: 'on_hold', resumesTo: 'contacted' });
    expect((await h.http.post(`/cases/${caseId}/holds`).set('Authorization', agent).send(hold)).status).toBe(
      200,
    );
    await h.caughtUp();

    const check = await h.http.get('/holds').query({ debtorId }).set('Authorization', agent);
    expect(check.body).toEqual([
      expect.objectContaining({
        caseId,
        holdId: 'h-1',
        reason: 'bankruptcy',
        endsOn: '2099-12-31',
        accountIds: [account.accountId],
      }),
    ]);

    const refused = await h.http
      .post(`/cases/${caseId}/interactions`)
      .set('Authorization', agent)
      .send(call('i-1'));
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'case_on_hold', detail: expect.stringContaining('on_hold') });

    expect((await h.http.post(`/cases/${caseId}/holds/h-1/lift`).set('Authorization', agent)).status).toBe(
      403,
    );
    const lifted = await h.http.post(`/cases/${caseId}/holds/h-1/lift`).set('Authorization', supervisor);
    expect(lifted.status).toBe(201);
    expect(lifted.body.status).toBe('contacted');
    await h.caughtUp();
    expect((await h.http.get('/holds').query({ debtorId }).set('Authorization', agent)).body).toEqual([]);
    expect(
      (await h.http.post(`/cases/${caseId}/interactions`).set('Authorization', agent).send(call('i-2')))
        .status,
    ).toBe(201);

    const out = await h.published(TOPICS.caseManagement, (m) => m.some((x) => x.type === 'HoldLifted'));
    const holds = out.filter(
      (m) => m.type.startsWith('Hold') && (m.payload as { caseId: string }).caseId === caseId,
    );
    expect(holds.map((m) => [m.type, m.key])).toEqual([
      ['HoldPlaced', debtorId],
      ['HoldLifted', debtorId],
    ]);
    expect(holds[0].payload).toMatchObject({
      reason: 'bankruptcy',
      accountIds: [account.accountId],
      endsOn: '2099-12-31',
    });
  });

  it('a dispute holds the case until a supervisor answers it with a verification', async () => {
    const { debtorId, caseId } = await openCase();
    const agent = await h.as(['agent']);
    const supervisor = await h.as(['supervisor']);
    const opened = await h.http
      .post(`/cases/${caseId}/disputes`)
      .set('Authorization', agent)
      .send({ disputeId: 'd-1', reason: 'not my debt', documentRef: 'doc-store:1' });
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('on_hold');
    expect(opened.body.disputes).toEqual([
      expect.objectContaining({ disputeId: 'd-1', verifiedAt: null, daysOpen: 0 }),
    ]);

    const early = await h.http
      .post(`/cases/${caseId}/holds/dispute-d-1/lift`)
      .set('Authorization', supervisor);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('dispute_unverified');

    const verified = await h.http
      .post(`/cases/${caseId}/disputes/d-1/verification`)
      .set('Authorization', supervisor)
      .send({ verificationRef: 'doc-store:2' });
    expect(verified.status).toBe(201);
    expect(verified.body).toMatchObject({ status: 'new', holds: [] });
    await h.caughtUp();
    expect((await h.http.get('/holds').query({ debtorId }).set('Authorization', agent)).body).toEqual([]);
  });
});
