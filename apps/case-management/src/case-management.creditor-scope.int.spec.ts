import { randomUUID } from 'node:crypto';
import { TOPICS } from '@cartera/contracts';
import { ROLES, signDevToken } from '@cartera/platform';
import { walkAsAnotherCreditor } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import { startCaseManagement, type CaseHarness } from './testing/case-harness';
import { accountOf, placed } from './testing/ledger-messages';

const OWNER = 'scope-owner-bank';

describe('case management: every route applies the caller’s creditor scope', () => {
  let h: CaseHarness;
  afterAll(() => h?.close());
  const db = useTestDatabase();
  const debtorId = randomUUID();
  const account = accountOf(debtorId, OWNER);
  const secrets = [OWNER, account.accountId, 'Ana Pérez', 'ana@example.com'];

  beforeAll(async () => {
    h = await startCaseManagement(db().url);
    await h.ledgerBus.publish(TOPICS.ledger, [placed(account, '2026-11-02', 80_000n)]);
    await h.caughtUp();
    const supervisor = await h.as(['supervisor'], { creditors: [OWNER] });
    await h.http
      .post(`/cases/${h.caseIdOf(debtorId, OWNER)}/assignment`)
      .set('Authorization', supervisor)
      .send({ agentId: 'agent-7', teamId: 'team-1' })
      .expect(201);
  });

  const walk = async (creditors: string[] | undefined) =>
    walkAsAnotherCreditor(h.app, {
      token: await signDevToken({ roles: ROLES, sub: 'walker', ...(creditors ? { creditors } : {}) }),
      params: {
        id: h.caseIdOf(debtorId, OWNER),
        holdId: 'no-such-hold',
        disputeId: 'no-such-dispute',
        agentId: 'agent-7',
        teamId: 'team-1',
      },
      secrets,
      routes: {
        'GET /cases': { query: { debtorId } },
        'POST /cases/{id}/interactions': {
          body: {
            interactionId: 'walk-1',
            kind: 'call',
            outcome: 'right_party_contact',
            channel: 'phone',
            occurredAt: '2026-12-04T15:00:00Z',
          },
        },
        'POST /cases/{id}/tasks': {
          body: { taskId: 'walk-1', kind: 'call_back', dueAt: '2026-12-10T15:00:00Z' },
        },
        'POST /supervisor/reassignments': {
          body: { caseIds: [h.caseIdOf(debtorId, OWNER)], toAgentId: 'walker' },
        },
        'GET /holds': { query: { debtorId } },
        'GET /debtors/{id}': { params: { id: debtorId } },
        'POST /debtors/{id}/split': { params: { id: debtorId } },
        'POST /debtors/{id}/erasure': { params: { id: debtorId } },
      },
    });

  it('answers another creditor on every documented route without any of the owner’s data', async () => {
    const probes = await walk(['scope-other-bank']);
    expect(probes.length).toBeGreaterThanOrEqual(20);
    expect(probes.filter((p) => p.leaked.length > 0)).toEqual([]);
    expect(probes.filter((p) => p.status >= 500)).toEqual([]);
    // The case's own routes are reached for real: another creditor's case does not exist for the caller.
    expect(probes.filter((p) => p.key.startsWith('POST /cases/') && p.status !== 404)).toEqual([]);
  });

  it('the same walk unscoped sees the owner’s data (the walk can find a leak)', async () => {
    const leaking = (await walk(undefined)).filter((p) => p.leaked.length > 0).map((p) => p.key);
    expect(leaking).toEqual(
      expect.arrayContaining(['GET /cases', 'GET /cases/{id}', 'POST /cases/{id}/tasks', 'GET /holds']),
    );
  });
});
