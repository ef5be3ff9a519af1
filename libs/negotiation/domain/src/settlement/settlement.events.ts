import { Event } from '@cartera/decider';
import { Currency } from '@cartera/money';
import { Instant, IsoDate } from '../shared/calendar';
import { Frequency } from '../schedule/frequency';
import { Instalment } from '../plan/plan.events';
import { Approver, DiscountRole } from './approval-limits';
import { Component, Components } from './discount';

/** Paid at once by `dueOn`, or in a few instalments free of interest. */
export type SettlementForm =
  | Readonly<{ kind: 'lump_sum'; dueOn: IsoDate }>
  | Readonly<{ kind: 'short_plan'; instalments: number; firstDueOn: IsoDate; frequency: Frequency }>;

/** What an offer proposes; recorded with the approval request or the offer itself. */
export type SettlementProposal = Readonly<{
  offerId: string;
  accountId: string;
  debtorId: string;
  creditorId: string;
  currency: Currency;
  balance: Components;
  settlementAmount: bigint;
  discount: Components;
  discountBps: number;
  discountOrder: readonly Component[];
  form: SettlementForm;
  schedule: readonly Instalment[];
  expiresOn: IsoDate;
  offeredBy: Approver;
  offeredAt: Instant;
}>;

/** Within the caller's limit: the offer stands. `approval` is null when none was needed. */
export type SettlementOffered = Event<
  'SettlementOffered',
  SettlementProposal & {
    limitVersion: string;
    approval: SettlementApproved['data'] | null;
  }
>;

/** Beyond the caller's limit: an approval task for `approverRole` (or the creditor). */
export type SettlementApprovalRequested = Event<
  'SettlementApprovalRequested',
  SettlementProposal & {
    callerLimitBps: number;
    approverRole: DiscountRole | 'creditor';
    limitVersion: string;
  }
>;

/** Who approved, under which limit version and limit. */
export type SettlementApproved = Event<
  'SettlementApproved',
  { approvedBy: Approver; limitBps: number; limitVersion: string; approvedAt: Instant }
>;

export type SettlementDeclined = Event<
  'SettlementDeclined',
  { declinedBy: Approver; reason: string; declinedAt: Instant }
>;

export type SettlementEvent =
  SettlementOffered | SettlementApprovalRequested | SettlementApproved | SettlementDeclined;
