import { IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import {
  IsInstant,
  IsIsoDate,
  IsPromiseId,
  NegotiationMessageBase,
  NegotiatorV1,
  nestedOne,
  PROMISE_CHANNELS,
} from './negotiation-common';

/** A debtor promised to pay `amountMinor` by `dueOn`; judged at `deadline` (due date + tolerance) under `ruleVersion`. */
export class PromiseMadeV1 extends NegotiationMessageBase {
  @IsPromiseId() promiseId!: string;
  @IsMinorUnits() amountMinor!: string;
  @IsIsoDate() dueOn!: string;
  @IsIsoDate() deadline!: string;
  @IsInt() @Min(0) toleranceDays!: number;
  @IsIn(PROMISE_CHANNELS) channel!: string;
  @nestedOne(NegotiatorV1) takenBy!: NegotiatorV1;
  @IsString() @Length(1, 100) ruleVersion!: string;
  @IsInstant() madeAt!: string;
}

export const PromiseMadeV1Contract = defineContract('PromiseMade', 1, PromiseMadeV1);
