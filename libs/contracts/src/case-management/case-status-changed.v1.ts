import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

export const CASE_STATUSES = [
  'new',
  'contacted',
  'negotiating',
  'pending_payment',
  'promise_active',
  'payment_plan',
  'severe_delinquency',
  'legal',
  'on_hold',
  'closed',
] as const;

/** The case moved in its status machine; the cause is the message or the user behind the move. */
export class CaseStatusChangedV1 extends CaseMessageBase {
  @IsIn(CASE_STATUSES) from!: string;
  @IsIn(CASE_STATUSES) to!: string;
  @IsIn(['event', 'user', 'system']) causeKind!: string;
  @IsString() @Length(1, 200) causeId!: string;
  /** The versioned policy that decided a fact-driven move, when one did. */
  @IsOptional() @IsString() rule?: string;
  @IsInstant() changedAt!: string;
}

export const CaseStatusChangedV1Contract = defineContract('CaseStatusChanged', 1, CaseStatusChangedV1);
