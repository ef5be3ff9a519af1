import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsInstant } from '../ledger/ledger-common';
import { CaseMessageBase } from './case-common';

export class TaskCreatedV1 extends CaseMessageBase {
  @IsString() @Length(1, 200) taskId!: string;
  @IsIn(['call_back', 'review_document', 'approve_settlement']) kind!: string;
  @IsInstant() dueAt!: string;
  @IsOptional() @IsString() assignee?: string | null;
}

export const TaskCreatedV1Contract = defineContract('TaskCreated', 1, TaskCreatedV1);
