import { IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import { IsIsoDate, IsPromiseId, NegotiationMessageBase } from './negotiation-common';

/** A payment reversal took a kept (or partially kept) promise below its decision: it is open again. */
export class PromiseReopenedV1 extends NegotiationMessageBase {
  @IsPromiseId() promiseId!: string;
  @IsString() @Length(1, 200) paymentId!: string;
  @IsMinorUnits() paidMinor!: string;
  @IsIsoDate() reopenedOn!: string;
}

export const PromiseReopenedV1Contract = defineContract('PromiseReopened', 1, PromiseReopenedV1);
