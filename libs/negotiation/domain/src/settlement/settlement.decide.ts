import { Currency } from '@cartera/money';
import { NegotiationRuleViolated } from '../shared/errors';
import { sameData } from '../shared/same-data';
import { paymentSchedule } from '../schedule/payment-schedule';
import { Instalment } from '../plan/plan.events';
import { approverRoleFor, limitOf } from './approval-limits';
import { DEFAULT_DISCOUNT_ORDER, discountBps, discountByComponent, totalOf } from './discount';
import {
  ApproveSettlement,
  DeclineSettlement,
  OfferSettlement,
  SettlementCommand,
} from './settlement.commands';
import { SettlementEvent, SettlementProposal } from './settlement.events';
import { offerProblem } from './settlement.terms';
import { Settlement } from './settlement.state';

export const decide = (command: SettlementCommand, state: Settlement): SettlementEvent[] => {
  switch (command.type) {
    case 'OfferSettlement':
      return offerSettlement(command, state);
    case 'ApproveSettlement':
      return approveSettlement(command, state);
    case 'DeclineSettlement':
      return declineSettlement(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as SettlementCommand).type}`);
    }
  }
};

const scheduleOf = (d: OfferSettlement['data']): Instalment[] => {
  if (d.form.kind === 'lump_sum') return [{ number: 1, dueOn: d.form.dueOn, amount: d.settlementAmount }];
  const { firstDueOn, frequency, instalments } = d.form;
  return paymentSchedule({
    principal: d.settlementAmount,
    currency: d.currency as Currency,
    firstDueOn,
    frequency,
    size: { instalments },
  }).instalments.map(({ number, dueOn, amount }) => ({ number, dueOn, amount }));
};

const proposalOf = (d: OfferSettlement['data']): SettlementProposal => {
  const { limits: _limits, discountOrder = DEFAULT_DISCOUNT_ORDER, ...offer } = d;
  const total = totalOf(d.balance);
  const discount = total - d.settlementAmount;
  return {
    ...offer,
    currency: d.currency as Currency,
    discount: discountByComponent(d.balance, discount, discountOrder),
    discountBps: discountBps(discount, total),
    discountOrder,
    schedule: scheduleOf(d),
  };
};

const offerSettlement = (c: OfferSettlement, s: Settlement): SettlementEvent[] => {
  const problem = offerProblem(c.data);
  if (problem) throw new NegotiationRuleViolated('invalid_terms', problem);
  const proposal = proposalOf(c.data);
  if (s.status !== 'none') {
    // When it was offered is not the offer's content: a retry later is the same offer.
    const { offeredAt: _at, ...recorded } = s.proposal;
    const { offeredAt: _again, ...incoming } = proposal;
    if (sameData(recorded, incoming)) return [];
    throw new NegotiationRuleViolated('already_exists', 'a different offer has this id');
  }
  const { limits } = c.data;
  const callerLimitBps = limitOf(c.data.offeredBy, limits);
  if (proposal.discountBps <= callerLimitBps)
    return [
      { type: 'SettlementOffered', data: { ...proposal, limitVersion: limits.version, approval: null } },
    ];
  const approverRole = approverRoleFor(proposal.discountBps, limits);
  return [
    {
      type: 'SettlementApprovalRequested',
      data: { ...proposal, callerLimitBps, approverRole, limitVersion: limits.version },
    },
  ];
};

const approveSettlement = (c: ApproveSettlement, s: Settlement): SettlementEvent[] => {
  if (s.status === 'none') throw new NegotiationRuleViolated('not_found', 'no such offer');
  if (s.status === 'offered' && s.approval?.approvedBy.id === c.data.approvedBy.id) return [];
  if (s.status === 'declined') throw new NegotiationRuleViolated('already_closed', 'the offer was declined');
  if (s.status !== 'awaiting_approval') throw new NegotiationRuleViolated('not_awaiting_approval');
  const limitBps = limitOf(c.data.approvedBy, c.data.limits);
  if (limitBps < s.proposal.discountBps)
    throw new NegotiationRuleViolated(
      'approval_beyond_limit',
      `${s.proposal.discountBps} bps needed, ${limitBps} allowed (limits ${c.data.limits.version})`,
    );
  const approval = {
    approvedBy: c.data.approvedBy,
    limitBps,
    limitVersion: c.data.limits.version,
    approvedAt: c.data.approvedAt,
  };
  return [
    { type: 'SettlementApproved', data: approval },
    { type: 'SettlementOffered', data: { ...s.proposal, limitVersion: c.data.limits.version, approval } },
  ];
};

const declineSettlement = (c: DeclineSettlement, s: Settlement): SettlementEvent[] => {
  if (s.status === 'none') throw new NegotiationRuleViolated('not_found', 'no such offer');
  if (s.status === 'declined') return [];
  if (s.status !== 'awaiting_approval') throw new NegotiationRuleViolated('not_awaiting_approval');
  return [{ type: 'SettlementDeclined', data: c.data }];
};
