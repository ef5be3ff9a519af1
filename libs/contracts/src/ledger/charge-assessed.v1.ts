import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { EXAMPLE_ACCOUNT } from './example-base';
import { IsIsoDate, IsLedgerMinorUnits, LedgerMessageBase } from './ledger-common';

/** A fee added to the balance (late fee, other fee). Accrued interest travels as InterestAccrued. */
export class ChargeAssessedV1 extends LedgerMessageBase {
  /** Unique per account: a repeat of the same charge is the same message. */
  @IsString() @Length(1, 200) chargeId!: string;
  @IsIn(['late_fee', 'other_fee']) kind!: string;
  @IsLedgerMinorUnits() amountMinor!: string;
  @IsIsoDate() assessedOn!: string;
  @IsOptional() @IsString() @Length(0, 1000) description!: string | null;
}

export const ChargeAssessedV1Contract = defineContract('ChargeAssessed', 1, ChargeAssessedV1);

export const chargeAssessedV1Example: ChargeAssessedV1 = {
  ...EXAMPLE_ACCOUNT,
  chargeId: 'late-2026-11',
  kind: 'late_fee',
  amountMinor: '2500',
  assessedOn: '2026-11-20',
  description: 'Late fee November',
};
