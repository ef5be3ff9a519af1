import { fold } from '@cartera/decider';
import { violates } from '../shared/errors';
import { settlementDecider } from './index';
import { SettlementEvent } from './settlement.events';
import { agent, given, limits, offer, proposal, supervisor } from './settlement.fixtures';

const offerEvents = (command: ReturnType<typeof offer>): SettlementEvent[] =>
  settlementDecider.decide(command, settlementDecider.initialState());

const beyondAgent = proposal(850_00n, { principal: 0n, interest: 150_00n, fees: 0n }, 1_500);
const approvalRequested: SettlementEvent = {
  type: 'SettlementApprovalRequested',
  data: { ...beyondAgent, callerLimitBps: 1_000, approverRole: 'negotiator', limitVersion: limits.version },
};
const approve = (approvedBy = supervisor, version = limits.version) => ({
  type: 'ApproveSettlement' as const,
  data: { approvedBy, limits: { ...limits, version }, approvedAt: '2025-03-21T10:00:00Z' },
});
const decideAfter = (events: SettlementEvent[], command: ReturnType<typeof approve>): SettlementEvent[] =>
  settlementDecider.decide(command, fold(settlementDecider, events));
const approval = {
  approvedBy: supervisor,
  limitBps: 3_000,
  limitVersion: limits.version,
  approvedAt: '2025-03-21T10:00:00Z',
};

describe('settlement offers: within the caller limit', () => {
  it('offers a discount the agent may grant, taken from interest first', () =>
    given([])
      .when(offer())
      .then([
        {
          type: 'SettlementOffered',
          data: {
            ...proposal(950_00n, { principal: 0n, interest: 50_00n, fees: 0n }, 500),
            limitVersion: limits.version,
            approval: null,
          },
        },
      ]));
  it('takes the discount from interest, then fees, principal last', () =>
    given([])
      .when(
        offer({
          settlementAmount: 400_00n,
          offeredBy: { id: 'root', roles: ['admin'] },
          limits: { ...limits, maxDiscountBps: { admin: 10_000 } },
        }),
      )
      .then([
        {
          type: 'SettlementOffered',
          data: {
            ...proposal(400_00n, { principal: 400_00n, interest: 150_00n, fees: 50_00n }, 6_000),
            offeredBy: { id: 'root', roles: ['admin'] },
            limitVersion: limits.version,
            approval: null,
          },
        },
      ]));
  it('schedules a short plan of the settlement amount', () => {
    const [event] = offerEvents(
      offer({
        form: {
          kind: 'short_plan',
          instalments: 3,
          firstDueOn: '2025-04-30',
          frequency: { kind: 'monthly', dayOfMonth: 30 },
        },
      }),
    );
    expect(event.type === 'SettlementOffered' && event.data.schedule).toEqual([
      { number: 1, dueOn: '2025-04-30', amount: 316_66n },
      { number: 2, dueOn: '2025-05-30', amount: 316_66n },
      { number: 3, dueOn: '2025-06-30', amount: 316_68n },
    ]);
  });
  it('decides nothing when the same offer is made again', () =>
    given([approvalRequested])
      .when(offer({ settlementAmount: 850_00n }))
      .thenNothingHappened());
  it('refuses a different offer under the same id', () =>
    given([approvalRequested])
      .when(offer({ settlementAmount: 800_00n }))
      .thenThrows(violates('already_exists')));
  it('refuses a settlement above the balance', () =>
    given([])
      .when(offer({ settlementAmount: 1_000_01n }))
      .thenThrows(violates('invalid_terms')));
  it('refuses a short plan that is not short', () =>
    given([])
      .when(
        offer({
          form: {
            kind: 'short_plan',
            instalments: 24,
            firstDueOn: '2025-04-30',
            frequency: { kind: 'weekly' },
          },
        }),
      )
      .thenThrows(violates('invalid_terms')));
});

describe('settlement offers: beyond the caller limit', () => {
  it('requests approval from the first role whose limit covers it', () =>
    given([])
      .when(offer({ settlementAmount: 850_00n }))
      .then([approvalRequested]));
  it('needs the creditor beyond every role', () =>
    given([])
      .when(offer({ settlementAmount: 400_00n }))
      .then([
        {
          type: 'SettlementApprovalRequested',
          data: {
            ...proposal(400_00n, { principal: 400_00n, interest: 150_00n, fees: 50_00n }, 6_000),
            callerLimitBps: 1_000,
            approverRole: 'creditor',
            limitVersion: limits.version,
          },
        },
      ]));
  it('rounds the discount up against the limit (10.01 % is beyond 10 %)', () =>
    expect(offerEvents(offer({ settlementAmount: 899_99n }))[0].type).toBe('SettlementApprovalRequested'));
  it('records who approved under which limit version, then offers', () =>
    given([approvalRequested])
      .when(approve())
      .then([
        { type: 'SettlementApproved', data: approval },
        { type: 'SettlementOffered', data: { ...beyondAgent, limitVersion: limits.version, approval } },
      ]));
  it('records the limit version in effect at approval', () =>
    expect(decideAfter([approvalRequested], approve(supervisor, 'acme-limits-2025-03'))[0]).toMatchObject({
      data: { limitVersion: 'acme-limits-2025-03' },
    }));
  it('refuses an approver whose own limit does not cover the discount', () =>
    given([approvalRequested]).when(approve(agent)).thenThrows(violates('approval_beyond_limit')));
  it('decides nothing when the approval is retried', () =>
    given([
      approvalRequested,
      { type: 'SettlementApproved', data: approval },
      { type: 'SettlementOffered', data: { ...beyondAgent, limitVersion: limits.version, approval } },
    ])
      .when(approve())
      .thenNothingHappened());
  it('refuses to approve an offer that needs no approval', () =>
    given(offerEvents(offer())).when(approve()).thenThrows(violates('not_awaiting_approval')));
  it('declines an offer awaiting approval, and then refuses to approve it', () => {
    const declined: SettlementEvent = {
      type: 'SettlementDeclined',
      data: { declinedBy: supervisor, reason: 'too generous', declinedAt: '2025-03-21T10:00:00Z' },
    };
    given([approvalRequested]).when({ type: 'DeclineSettlement', data: declined.data }).then([declined]);
    given([approvalRequested, declined]).when(approve()).thenThrows(violates('already_closed'));
  });
  it('refuses approval of an offer never made', () =>
    given([]).when(approve()).thenThrows(violates('not_found')));
});
