import { IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import {
  IsInstant,
  IsPromiseId,
  NegotiationMessageBase,
  NegotiatorV1,
  nestedOne,
} from './negotiation-common';

/** The promise was withdrawn before any decision. */
export class PromiseCancelledV1 extends NegotiationMessageBase {
  @IsPromiseId() promiseId!: string;
  @IsString() @Length(1, 500) reason!: string;
  @nestedOne(NegotiatorV1) cancelledBy!: NegotiatorV1;
  @IsInstant() cancelledAt!: string;
}

export const PromiseCancelledV1Contract = defineContract('PromiseCancelled', 1, PromiseCancelledV1);
