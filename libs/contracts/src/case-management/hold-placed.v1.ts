import { IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant, IsIsoDate } from '../ledger/ledger-common';
import { CaseMessageBase, IsHoldReason } from './case-common';

/** A hold stops every contact and treatment step for the listed accounts until it is lifted or ends. */
export class HoldPlacedV1 extends CaseMessageBase {
  @IsString() @Length(1, 200) holdId!: string;
  @IsHoldReason() reason!: string;
  @IsArray() @IsUUID('all', { each: true }) accountIds!: string[];
  @IsInstant() placedAt!: string;
  /** Last day of the hold (inclusive) when it ends by itself; absent until lifted. */
  @IsOptional() @IsIsoDate() endsOn?: string;
}

export const HoldPlacedV1Contract = defineContract('HoldPlaced', 1, HoldPlacedV1);
