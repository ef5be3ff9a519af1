import { IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

export class HoldLiftedV1 extends CaseMessageBase {
  @IsString() @Length(1, 200) holdId!: string;
  @IsInstant() liftedAt!: string;
}

export const HoldLiftedV1Contract = defineContract('HoldLifted', 1, HoldLiftedV1);
