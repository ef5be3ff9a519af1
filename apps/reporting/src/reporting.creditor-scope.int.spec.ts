import { TOPICS } from '@cartera/contracts';
import { ROLES, signDevToken } from '@cartera/platform';
import { walkAsAnotherCreditor, type RouteProbe } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import { accountRef, balanceChanged, bucketChanged, paid, placed } from './testing/ledger-messages';
import { startReporting } from './testing/reporting-harness';

const OWNER = 'scope-owner-bank';
const SECRETS = [OWNER, 'SCOPE-REF-9'];
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/** Answers that mean the route never looked at the data: the walk must reach every route for real. */
const unexercised = (p: RouteProbe) => [400, 415, 422].includes(p.status) || p.status >= 500;

describe('reporting: every route applies the caller’s creditor scope', () => {
  let r: Awaited<ReturnType<typeof startReporting>>;
  afterAll(() => r?.close());
  const db = useTestDatabase();
  const a = accountRef(OWNER, 'COP');

  beforeAll(async () => {
    r = await startReporting(db().url);
    await r.ledgerBus.publish(TOPICS.ledger, [
      placed(a, '2026-06-01', { principal: 100_000n }, 'SCOPE-REF-9'),
      paid(a, '2026-06-10', 'p-1', 20_000n),
      balanceChanged(a, '2026-06-10', 'PaymentPosted', { principal: 80_000n }, { principal: -20_000n }),
      bucketChanged(a, '2026-06-15', null, '1-30', 10),
    ]);
    await r.runner.caughtUp();
  });

  const walk = async (creditors: string[] | undefined) =>
    walkAsAnotherCreditor(r.app, {
      token: await signDevToken({ roles: ROLES, sub: 'walker', ...(creditors ? { creditors } : {}) }),
      params: { id: a.accountId, name: 'no-such-projection' },
      secrets: SECRETS,
      routes: {
        'GET /collections': { query: { ...PERIOD, groupBy: 'creditor' } },
        'GET /bucket-movements': { query: PERIOD },
        'GET /debtors/{id}/timeline': { params: { id: a.debtorId } },
      },
    });

  it('answers another creditor on every documented route without any of the owner’s data', async () => {
    const probes = await walk(['scope-other-bank']);
    expect(probes.length).toBeGreaterThanOrEqual(8);
    expect(probes.filter((p) => p.leaked.length > 0)).toEqual([]);
    expect(probes.filter(unexercised)).toEqual([]);
  });

  it('the same walk unscoped sees the owner’s data (the walk can find a leak)', async () => {
    const leaking = (await walk(undefined)).filter((p) => p.leaked.length > 0).map((p) => p.key);
    expect(leaking).toEqual(
      expect.arrayContaining([
        'GET /portfolio/summary',
        'GET /collections',
        'GET /bucket-movements',
        'GET /accounts',
        'GET /accounts/{id}',
        'GET /debtors/{id}/timeline',
      ]),
    );
  });
});
