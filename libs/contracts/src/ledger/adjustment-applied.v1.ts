import { IsIn, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { EXAMPLE_ACCOUNT } from './example-base';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

/** A signed change per balance component (negative reduces what is owed); the free-text note stays in the ledger. */
export class AdjustmentAppliedV1 extends LedgerMessageBase {
  @IsString() @Length(1, 200) adjustmentId!: string;
  @nested(ComponentsV1) delta!: ComponentsV1;
  @IsIn(['waiver', 'correction', 'settlement_discount', 'other']) reason!: string;
  @IsInstant() appliedAt!: string;
  @IsIsoDate() appliedOn!: string;
}

export const AdjustmentAppliedV1Contract = defineContract('AdjustmentApplied', 1, AdjustmentAppliedV1);

export const adjustmentAppliedV1Example: AdjustmentAppliedV1 = {
  ...EXAMPLE_ACCOUNT,
  adjustmentId: 'adj-2026-0042',
  delta: { principal: '0', interest: '-1500', fees: '-2500' },
  reason: 'waiver',
  appliedAt: '2026-11-20T15:04:05.000Z',
  appliedOn: '2026-11-20',
};
