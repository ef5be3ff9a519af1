import { IsIn, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

export class PaymentReversedV1 extends LedgerMessageBase {
  @IsString() @Length(1, 200) paymentId!: string;
  @IsIn(['insufficient_funds', 'chargeback', 'other']) reason!: string;
  @IsMinorUnits() amountMinor!: string;
  @nested(ComponentsV1) allocation!: ComponentsV1;
  @IsMinorUnits() fromCreditMinor!: string;
  @IsInstant() reversedAt!: string;
  @IsIsoDate() reversedOn!: string;
}

export const PaymentReversedV1Contract = defineContract('PaymentReversed', 1, PaymentReversedV1);
