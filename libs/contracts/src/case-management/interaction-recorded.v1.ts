import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

/** A contact with the debtor, for contact KPIs; notes stay inside case management (personal data). */
export class InteractionRecordedV1 extends CaseMessageBase {
  @IsString() @Length(1, 200) interactionId!: string;
  @IsIn(['call', 'note', 'inbound_message']) kind!: string;
  @IsOptional()
  @IsIn(['right_party_contact', 'no_answer', 'wrong_party', 'left_message', 'promise', 'refusal', 'dispute'])
  outcome?: string | null;
  @IsString() channel!: string;
  @IsString() @Length(1, 200) agentId!: string;
  @IsInstant() occurredAt!: string;
}

export const InteractionRecordedV1Contract = defineContract('InteractionRecorded', 1, InteractionRecordedV1);
