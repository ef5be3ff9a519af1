import { randomUUID } from 'node:crypto';
import { TOPICS, dlqTopicOf } from '@cartera/contracts';
import { useTestDatabase } from '@cartera/testing';
import { startCaseManagement, type CaseHarness } from '../testing/case-harness';
import { accountOf, bucketChanged, closed, paid, placed, writtenOff } from '../testing/ledger-messages';

describe('cases from ledger events over the real bus and store', () => {
  let h: CaseHarness;
  afterAll(() => h?.close()); // before the database's own hooks: the app lets go of its connections first
  const db = useTestDatabase();
  beforeAll(async () => {
    h = await startCaseManagement(db().url);
  });

  it('opens one case per debtor × creditor, works it through payments and closes it with its last account', async () => {
    const debtorId = randomUUID();
    const card = accountOf(debtorId);
    const loan = accountOf(debtorId);
    const caseId = h.caseIdOf(debtorId, 'acme-bank');
    const placedCard = placed(card, '2026-11-02', 100_000n);
    await h.ledgerBus.publish(TOPICS.ledger, [placedCard, placed(loan, '2026-11-02', 50_000n)]);
    // Redelivered (same message id) and re-published (a new id): the case decides nothing.
    await h.ledgerBus.publish(TOPICS.ledger, [placedCard, placed(card, '2026-11-02', 100_000n)]);
    await h.caughtUp();

    const agent = await h.as(['agent']);
    const opened = await h.http.get(`/cases/${caseId}`).set('Authorization', agent);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'new', version: 2, balanceMinor: '150000', debtorId });
    expect(opened.body.accounts.map((a: { accountId: string }) => a.accountId).sort()).toEqual(
      [card.accountId, loan.accountId].sort(),
    );

    const aged = bucketChanged(loan, '2026-11-20', '91-120', 95);
    const payment = paid(card, '2026-11-21', 'psp-1', 40_000n);
    await h.ledgerBus.publish(TOPICS.ledger, [aged, payment]);
    await h.caughtUp();
    const worked = await h.http.get(`/cases/${caseId}`).set('Authorization', agent);
    expect(worked.body).toMatchObject({ status: 'pending_payment', balanceMinor: '110000' });

    await h.ledgerBus.publish(TOPICS.ledger, [
      paid(card, '2026-11-25', 'psp-2', 60_000n),
      closed(card, '2026-11-25', 'paid_in_full'),
      writtenOff(loan, '2026-11-30', 50_000n),
      closed(loan, '2026-11-30', 'written_off', 50_000n),
    ]);
    await h.caughtUp();
    const done = await h.http.get(`/cases/${caseId}`).set('Authorization', agent);
    expect(done.body).toMatchObject({ status: 'closed', balanceMinor: '0' });

    const rows = await h.http.get('/cases').query({ debtorId }).set('Authorization', agent);
    expect(rows.body).toEqual([expect.objectContaining({ caseId, status: 'closed', balanceMinor: '0' })]);

    const out = await h.published(TOPICS.caseManagement, (m) => m.some((x) => x.type === 'CaseClosed'));
    const mine = out.filter((m) => (m.payload as { caseId: string }).caseId === caseId);
    expect(mine.every((m) => m.key === debtorId)).toBe(true);
    expect(mine.map((m) => m.type)).toEqual([
      'CaseOpened',
      'CaseStatusChanged',
      'CaseStatusChanged',
      'CaseStatusChanged',
      'CaseClosed',
    ]);
    const moves = mine.filter((m) => m.type === 'CaseStatusChanged').map((m) => m.payload);
    expect(moves).toEqual([
      expect.objectContaining({
        from: 'new',
        to: 'severe_delinquency',
        causeId: aged.messageId,
        rule: 'severity-2026-01',
      }),
      expect.objectContaining({
        from: 'severe_delinquency',
        to: 'pending_payment',
        causeKind: 'event',
        causeId: payment.messageId,
      }),
      expect.objectContaining({ from: 'pending_payment', to: 'closed' }),
    ]);
  });

  it('sends poison messages to the dead-letter topic and keeps consuming', async () => {
    const debtorId = randomUUID();
    const stranger = accountOf(debtorId, 'other-bank');
    const invalid = { ...paid(stranger, '2026-11-21', 'psp-x', 1n), payload: { accountId: 'not-a-uuid' } };
    const unknownCase = paid(stranger, '2026-11-21', 'psp-y', 1_000n);
    const fine = accountOf(randomUUID());
    await h.ledgerBus.publish(TOPICS.ledger, [invalid, unknownCase, placed(fine, '2026-11-02', 10_000n)]);
    await h.caughtUp();
    const dead = await h.published(dlqTopicOf(TOPICS.ledger), (m) => m.length >= 2);
    expect(dead.map((m) => m.messageId).sort()).toEqual([invalid.messageId, unknownCase.messageId].sort());
    const agent = await h.as(['agent']);
    const opened = await h.http
      .get(`/cases/${h.caseIdOf(fine.debtorId, 'acme-bank')}`)
      .set('Authorization', agent);
    expect(opened.body.status).toBe('new');
  });
});
