import { Command } from '@cartera/decider';
import { IsoDate } from '../shared/calendar';
import { PlanAgreed, PlanActor } from './plan.events';
import { RenegotiationLimit } from './plan-policy';

/** The schedule is computed by the decision from the terms; the policy in effect arrives with it. */
export type AgreePlan = Command<'AgreePlan', Omit<PlanAgreed['data'], 'instalments' | 'total'>>;

/** A ledger PaymentPosted on the plan's account; `paymentId` makes a redelivery a no-op. */
export type RecordPlanPayment = Command<
  'RecordPlanPayment',
  { paymentId: string; amount: bigint; currency: string; paidOn: IsoDate }
>;

export type RecordPlanReversal = Command<'RecordPlanReversal', { paymentId: string; reversedOn: IsoDate }>;

/** The daily check: instalments short after the policy's grace days are missed as of `asOf`. */
export type EvaluatePlan = Command<'EvaluatePlan', { asOf: IsoDate }>;

/** Replace this plan by `newPlanId`, within the creditor's renegotiation limit in effect. */
export type RenegotiatePlan = Command<
  'RenegotiatePlan',
  {
    newPlanId: string;
    limit: RenegotiationLimit;
    renegotiatedOn: IsoDate;
    requestedBy: PlanActor;
    reason: string;
  }
>;

export type PlanCommand = AgreePlan | RecordPlanPayment | RecordPlanReversal | EvaluatePlan | RenegotiatePlan;
