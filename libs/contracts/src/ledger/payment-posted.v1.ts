import { IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import {
  ComponentsV1,
  IsInstant,
  IsIsoDate,
  IsPaymentChannel,
  LedgerMessageBase,
  nested,
} from './ledger-common';

export class PaymentPostedV1 extends LedgerMessageBase {
  @IsString() @Length(1, 200) paymentId!: string;
  @IsMinorUnits() amountMinor!: string;
  @IsPaymentChannel() channel!: string;
  @IsInstant() paidAt!: string;
  @IsIsoDate() paidOn!: string;
  /** How the payment was split across the balance; `allocation` + `toCreditMinor` = `amountMinor`. */
  @nested(ComponentsV1) allocation!: ComponentsV1;
  @IsMinorUnits() toCreditMinor!: string;
}

export const PaymentPostedV1Contract = defineContract('PaymentPosted', 1, PaymentPostedV1);
