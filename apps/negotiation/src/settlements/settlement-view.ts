import type { Settlement } from '@cartera/negotiation-domain';

/** The offer as JSON: money as strings of minor units. */
export const settlementView = (s: Exclude<Settlement, { status: 'none' }>) => {
  const p = s.proposal;
  return {
    offerId: p.offerId,
    accountId: p.accountId,
    creditorId: p.creditorId,
    status: s.status,
    currency: p.currency,
    settlementAmountMinor: p.settlementAmount.toString(),
    discountBps: p.discountBps,
    discount: {
      principalMinor: p.discount.principal.toString(),
      interestMinor: p.discount.interest.toString(),
      feesMinor: p.discount.fees.toString(),
    },
    schedule: p.schedule.map((i) => ({ number: i.number, dueOn: i.dueOn, amountMinor: i.amount.toString() })),
    expiresOn: p.expiresOn,
    approval:
      s.status === 'offered' && s.approval
        ? {
            approvedBy: s.approval.approvedBy.id,
            limitBps: s.approval.limitBps,
            limitVersion: s.approval.limitVersion,
          }
        : null,
  };
};
