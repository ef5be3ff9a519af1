import { DeciderSpecification } from '@cartera/decider';
import { ApprovalLimits } from './approval-limits';
import { OfferSettlement } from './settlement.commands';
import { SettlementProposal } from './settlement.events';
import { settlementDecider } from './index';

// Builders for the specifications: a balance of 1,000.00 (800 principal, 150 interest, 50 fees)
// settled by a lump sum; an agent may grant 10 %, a negotiator 20 %, a supervisor 30 %, an admin 50 %.

export const given = DeciderSpecification.for(settlementDecider);

export const limits: ApprovalLimits = {
  version: 'acme-limits-2025-01',
  effectiveFrom: '2025-01-01',
  maxDiscountBps: { agent: 1_000, negotiator: 2_000, supervisor: 3_000, admin: 5_000 },
};

export const agent = { id: 'agent-7', roles: ['agent'] };
export const supervisor = { id: 'sup-2', roles: ['agent', 'supervisor'] };

export const offer = (overrides: Partial<OfferSettlement['data']> = {}): OfferSettlement => ({
  type: 'OfferSettlement',
  data: {
    offerId: 'offer-1',
    accountId: '6f1c8f7e-2a4b-5c3d-9e8f-0a1b2c3d4e5f',
    debtorId: '0b7e3c1a-9d2f-4e5a-8b6c-1d2e3f4a5b6c',
    creditorId: 'acme-bank',
    currency: 'USD',
    balance: { principal: 800_00n, interest: 150_00n, fees: 50_00n },
    settlementAmount: 950_00n,
    form: { kind: 'lump_sum', dueOn: '2025-04-15' },
    expiresOn: '2025-04-01',
    offeredBy: agent,
    offeredAt: '2025-03-20T15:00:00Z',
    limits,
    ...overrides,
  },
});

/** The proposal an offer of `settlementAmount` records (lump sum). */
export const proposal = (
  settlementAmount: bigint,
  discount: SettlementProposal['discount'],
  discountBps: number,
): SettlementProposal => {
  const { limits: _limits, ...data } = offer({ settlementAmount }).data;
  return {
    ...data,
    currency: 'USD',
    discount,
    discountBps,
    discountOrder: ['interest', 'fees', 'principal'],
    schedule: [{ number: 1, dueOn: '2025-04-15', amount: settlementAmount }],
  };
};
