import { useTestDatabase } from '@cartera/testing';
import type { Role } from '@cartera/platform';
import { account, startNegotiation } from '../testing/negotiation-harness';

// Default approval limits: agent 10 %, negotiator 20 %, supervisor 35 %, admin 50 % of the balance.
describe('settlement offers and approvals over HTTP', () => {
  const db = useTestDatabase();
  let n: Awaited<ReturnType<typeof startNegotiation>>;
  beforeAll(async () => {
    n = await startNegotiation(db().url);
  });
  afterAll(() => n?.close());

  const offer = async (settlementAmountMinor: string, extra: object = {}) =>
    n
      .http()
      .post('/settlements')
      .set('Authorization', `Bearer ${await n.token(['agent'])}`)
      .send({
        ...account(),
        balance: { principalMinor: '80000', interestMinor: '15000', feesMinor: '5000' },
        settlementAmountMinor,
        form: 'lump_sum',
        dueOn: '2026-12-20',
        expiresOn: '2026-12-15',
        ...extra,
      });
  const approve = async (id: string, roles: Role[], creditors?: string[]) =>
    n
      .http()
      .post(`/settlements/${id}/approve`)
      .set('Authorization', `Bearer ${await n.token(roles, creditors)}`)
      .send({});

  it('offers a discount within the agent’s limit, taken from interest first', async () => {
    const res = await offer('95000');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'offered',
      discountBps: 500,
      discount: { principalMinor: '0', interestMinor: '5000', feesMinor: '0' },
      approval: null,
    });
  });

  it('turns an offer beyond the agent’s limit into an approval, recorded with approver and limit version', async () => {
    const made = await offer('85000');
    expect(made.body).toMatchObject({ status: 'awaiting_approval', discountBps: 1500 });
    expect((await approve(made.body.offerId, ['agent'])).status).toBe(403);
    const approved = await approve(made.body.offerId, ['negotiator']);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      status: 'offered',
      approval: { approvedBy: 'agent-7', limitBps: 2000, limitVersion: 'default-approval-1' },
    });
    expect((await approve(made.body.offerId, ['negotiator'])).status).toBe(200);
  });

  it('refuses an approver whose own limit is too low, and takes one whose limit covers it', async () => {
    const made = await offer('70000');
    const low = await approve(made.body.offerId, ['negotiator']);
    expect(low.status).toBe(409);
    expect(low.body).toMatchObject({ code: 'approval_beyond_limit' });
    expect((await approve(made.body.offerId, ['supervisor'])).body).toMatchObject({ status: 'offered' });
  });

  it('schedules a short plan of the settlement amount', async () => {
    const res = await offer('90000', { form: 'short_plan', instalments: 3, dueOn: '2027-01-31' });
    expect(res.body.schedule).toEqual([
      { number: 1, dueOn: '2027-01-31', amountMinor: '30000' },
      { number: 2, dueOn: '2027-02-28', amountMinor: '30000' },
      { number: 3, dueOn: '2027-03-31', amountMinor: '30000' },
    ]);
  });

  it('hides another creditor’s offer (404) and names bad fields (400)', async () => {
    const made = await offer('85000');
    expect((await approve(made.body.offerId, ['supervisor'], ['other-bank'])).status).toBe(404);
    const bad = await offer('0', { form: 'short_plan', expiresOn: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'expiresOn',
      'instalments',
      'settlementAmountMinor',
    ]);
  });
});
