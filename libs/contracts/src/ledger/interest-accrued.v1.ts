import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { defineContract } from '../contract-registry';
import { EXAMPLE_ACCOUNT } from './example-base';
import { IsIsoDate, IsLedgerMinorUnits, LedgerMessageBase } from './ledger-common';

/**
 * Interest assessed on the account for the days `from`–`through` (debtor's zone): one message per
 * account per accrual run (the daily job, or before a payment), never one per day.
 */
export class InterestAccruedV1 extends LedgerMessageBase {
  @IsString() @Length(1, 200) chargeId!: string;
  @IsLedgerMinorUnits() amountMinor!: string;
  @IsIsoDate() from!: string;
  @IsIsoDate() through!: string;
  @IsInt() @Min(0) @Max(100_000) annualRateBps!: number;
}

export const InterestAccruedV1Contract = defineContract('InterestAccrued', 1, InterestAccruedV1);

export const interestAccruedV1Example: InterestAccruedV1 = {
  ...EXAMPLE_ACCOUNT,
  chargeId: 'interest-2026-11-20',
  amountMinor: '1369',
  from: '2026-11-20',
  through: '2026-11-20',
  annualRateBps: 2499,
};
