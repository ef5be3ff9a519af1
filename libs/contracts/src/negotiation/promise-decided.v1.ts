import { IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import { IsIsoDate, IsPromiseId, NegotiationMessageBase } from './negotiation-common';

/** What every decision on a promise says: how much counted, under which rule version, on which day. */
class PromiseDecisionV1 extends NegotiationMessageBase {
  @IsPromiseId() promiseId!: string;
  @IsMinorUnits() paidMinor!: string;
  @IsString() @Length(1, 100) ruleVersion!: string;
  @IsIsoDate() decidedOn!: string;
}

/** Enough was paid within the deadline. */
export class PromiseKeptV1 extends PromiseDecisionV1 {}

/** Some, but not enough, was paid by the deadline. */
export class PromisePartiallyKeptV1 extends PromiseDecisionV1 {
  @IsMinorUnits() shortfallMinor!: string;
}

/** Too little or nothing was paid by the deadline. */
export class PromiseBrokenV1 extends PromiseDecisionV1 {
  @IsMinorUnits() shortfallMinor!: string;
}

export const PromiseKeptV1Contract = defineContract('PromiseKept', 1, PromiseKeptV1);
export const PromisePartiallyKeptV1Contract = defineContract(
  'PromisePartiallyKept',
  1,
  PromisePartiallyKeptV1,
);
export const PromiseBrokenV1Contract = defineContract('PromiseBroken', 1, PromiseBrokenV1);
