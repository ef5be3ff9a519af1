import { Event } from '@cartera/decider';
import { Instant, IsoDate } from '../shared/calendar';
import { ScheduleTerms } from '../schedule/schedule.types';
import { MissedInstalmentPolicy } from './plan-policy';

/** Who agreed or changed a plan: an agent, a negotiator, or the debtor by self-service. */
export type PlanActor = Readonly<{ kind: 'agent' | 'self_service'; id: string }>;

/** An instalment as scheduled; number 0 is the down payment. */
export type Instalment = Readonly<{ number: number; dueOn: IsoDate; amount: bigint }>;

/** How much of a payment went to which instalment. */
export type Applied = Readonly<{ number: number; amount: bigint }>;

/** The plan this one replaces, and the dates of every renegotiation in the chain so far. */
export type Replaces = Readonly<{ planId: string; renegotiations: readonly IsoDate[] }>;

export type PlanAgreed = Event<
  'PlanAgreed',
  {
    planId: string;
    accountId: string;
    debtorId: string;
    creditorId: string;
    terms: ScheduleTerms;
    instalments: readonly Instalment[];
    total: bigint;
    policy: MissedInstalmentPolicy;
    replaces: Replaces | null;
    agreedBy: PlanActor;
    agreedAt: Instant;
  }
>;

/** A ledger payment matched to instalments oldest first; `unapplied` is beyond the last instalment. */
export type PlanPaymentRecorded = Event<
  'PlanPaymentRecorded',
  { paymentId: string; amount: bigint; paidOn: IsoDate; applied: readonly Applied[]; unapplied: bigint }
>;

/** A recorded payment the ledger reversed: exactly what it paid comes off its instalments. */
export type PlanPaymentReversed = Event<
  'PlanPaymentReversed',
  { paymentId: string; amount: bigint; reversedOn: IsoDate; applied: readonly Applied[]; unapplied: bigint }
>;

/** An instalment still short after the grace days; `misses` counts this one. */
export type InstalmentMissed = Event<
  'InstalmentMissed',
  { number: number; dueOn: IsoDate; shortfall: bigint; misses: number; policyVersion: string; asOf: IsoDate }
>;

/** The shortfall of a missed instalment became a new instalment at the end of the plan. */
export type MissedAmountAppended = Event<
  'MissedAmountAppended',
  { fromNumber: number; instalment: Instalment; policyVersion: string }
>;

/** The shortfall of a missed instalment was spread over the instalments not yet due. */
export type MissedAmountRespread = Event<
  'MissedAmountRespread',
  { fromNumber: number; added: readonly Applied[]; policyVersion: string }
>;

export type PlanDefaulted = Event<
  'PlanDefaulted',
  { misses: number; outstanding: bigint; policyVersion: string; defaultedOn: IsoDate }
>;

export type PlanCompleted = Event<'PlanCompleted', { completedOn: IsoDate }>;

/** A reversal put an amount back on a completed plan: it is worked again. */
export type PlanReopened = Event<'PlanReopened', { paymentId: string; reopenedOn: IsoDate }>;

/** The plan was replaced by `newPlanId`; its own history stays as it is. */
export type PlanRenegotiated = Event<
  'PlanRenegotiated',
  {
    newPlanId: string;
    outstanding: bigint;
    limitVersion: string;
    renegotiatedOn: IsoDate;
    requestedBy: PlanActor;
    reason: string;
  }
>;

export type PlanEvent =
  | PlanAgreed
  | PlanPaymentRecorded
  | PlanPaymentReversed
  | InstalmentMissed
  | MissedAmountAppended
  | MissedAmountRespread
  | PlanDefaulted
  | PlanCompleted
  | PlanReopened
  | PlanRenegotiated;
