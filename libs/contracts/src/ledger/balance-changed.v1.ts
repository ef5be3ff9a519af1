import { IsIn } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsMinorUnits } from '../money.validators';
import { ComponentsV1, IsInstant, LedgerMessageBase, nested } from './ledger-common';

export const BALANCE_CHANGE_CAUSES = [
  'ChargeAssessed',
  'PaymentPosted',
  'PaymentReversed',
  'AdjustmentApplied',
  'AccountWrittenOff',
  'AccountRecalled',
] as const;

/** The account's balance after any change, with its breakdown: the one message a balance view needs. */
export class BalanceChangedV1 extends LedgerMessageBase {
  @IsIn(BALANCE_CHANGE_CAUSES) cause!: string;
  @nested(ComponentsV1) balance!: ComponentsV1;
  @IsMinorUnits() totalMinor!: string;
  @IsMinorUnits() creditBalanceMinor!: string;
  /** The signed change per component that this message reports. */
  @nested(ComponentsV1) delta!: ComponentsV1;
  @IsInstant() changedAt!: string;
}

export const BalanceChangedV1Contract = defineContract('BalanceChanged', 1, BalanceChangedV1);
