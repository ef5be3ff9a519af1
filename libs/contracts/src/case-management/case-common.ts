import { IsIn, IsString, IsUUID, Length } from 'class-validator';

/** Fields every case-management message carries: which case, whose debtor, for which creditor. */
export class CaseMessageBase {
  @IsUUID() caseId!: string;
  /** Cartera's debtor id; the bus key, so one debtor's messages stay ordered. */
  @IsUUID() debtorId!: string;
  @IsString() @Length(1, 100) creditorId!: string;
}

/** Why every treatment stops: the reasons collectors and the law recognise. */
export const HOLD_REASONS = [
  'dispute',
  'hardship',
  'bankruptcy',
  'deceased',
  'cease_and_desist',
  'attorney_representation',
  'creditor_request',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export const IsHoldReason = (): PropertyDecorator => IsIn(HOLD_REASONS);
