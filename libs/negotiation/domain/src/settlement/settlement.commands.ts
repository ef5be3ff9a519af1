import { Command } from '@cartera/decider';
import { Instant, IsoDate } from '../shared/calendar';
import { ApprovalLimits, Approver } from './approval-limits';
import { Component, Components } from './discount';
import { SettlementForm } from './settlement.events';

/** The balance comes from the ledger's facts; the limits in effect for the creditor arrive with it. */
export type OfferSettlement = Command<
  'OfferSettlement',
  {
    offerId: string;
    accountId: string;
    debtorId: string;
    creditorId: string;
    currency: string;
    balance: Components;
    settlementAmount: bigint;
    discountOrder?: readonly Component[];
    form: SettlementForm;
    expiresOn: IsoDate;
    offeredBy: Approver;
    offeredAt: Instant;
    limits: ApprovalLimits;
  }
>;

export type ApproveSettlement = Command<
  'ApproveSettlement',
  { approvedBy: Approver; limits: ApprovalLimits; approvedAt: Instant }
>;

export type DeclineSettlement = Command<
  'DeclineSettlement',
  { declinedBy: Approver; reason: string; declinedAt: Instant }
>;

export type SettlementCommand = OfferSettlement | ApproveSettlement | DeclineSettlement;
