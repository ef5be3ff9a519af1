import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, HOLD_REASONS } from '@cartera/case-management-domain';
import type {
  CallOutcome,
  Channel,
  HoldReason,
  InteractionKind,
  TaskKind,
} from '@cartera/case-management-domain';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const INSTANT = { strict: true } as const;
const DATE = { strict: true, strictSeparator: true } as const;
const CALL_OUTCOMES = [
  'right_party_contact',
  'no_answer',
  'wrong_party',
  'left_message',
  'promise',
  'refusal',
  'dispute',
] as const;
const CHANNELS = ['phone', 'sms', 'email', 'whatsapp', 'letter', 'portal', 'in_person'] as const;
const TASK_KINDS = ['call_back', 'review_document', 'approve_settlement'] as const;

export class ChangeStatusDto {
  @ApiProperty({
    enum: CASE_STATUSES,
    description: 'Target status; the status machine decides whether the move is allowed.',
  })
  @IsIn(CASE_STATUSES)
  to!: (typeof CASE_STATUSES)[number];
}

export class PlaceHoldDto {
  @ApiProperty({
    description: 'Client-chosen id: placing the same hold again is a no-op.',
    example: 'hold-2026-001',
  })
  @IsString()
  @Length(1, 200)
  holdId!: string;

  @ApiProperty({
    enum: HOLD_REASONS.filter((r) => r !== 'dispute'),
    description: 'A dispute hold comes with POST /disputes.',
  })
  @IsIn(HOLD_REASONS)
  reason!: HoldReason;

  @ApiPropertyOptional({
    description: 'Last day of the hold (inclusive) when it ends by itself.',
    example: '2027-01-31',
  })
  @IsOptional()
  @IsISO8601(DATE)
  endsOn?: string;
}

export class OpenDisputeDto {
  @ApiProperty({ description: 'Client-chosen id: a retry is a no-op.' })
  @IsString()
  @Length(1, 200)
  disputeId!: string;

  @ApiProperty({ example: 'not my debt' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ description: 'Where the debtor’s documents are kept.', example: 'doc-store:3f2a' })
  @IsString()
  @Length(1, 500)
  documentRef!: string;
}

export class VerifyDisputeDto {
  @ApiProperty({
    description: 'The verification sent to the debtor (statement, contract copy).',
    example: 'doc-store:91ab',
  })
  @IsString()
  @Length(1, 500)
  verificationRef!: string;
}

export class RecordInteractionDto {
  @ApiProperty({ description: 'Client-chosen id: interactions are append-only, a retry is a no-op.' })
  @IsString()
  @Length(1, 200)
  interactionId!: string;

  @ApiProperty({ enum: ['call', 'note', 'inbound_message'] })
  @IsIn(['call', 'note', 'inbound_message'])
  kind!: InteractionKind;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES, description: 'Required for a call, absent otherwise.' })
  @ValidateIf((o: RecordInteractionDto) => o.kind === 'call' || o.outcome !== undefined)
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ description: 'When it happened: ISO 8601 instant with offset.' })
  @IsISO8601(INSTANT)
  occurredAt!: string;

  @ApiPropertyOptional({ description: 'Free text (personal data: never logged).' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  note?: string;

  @ApiPropertyOptional({ description: 'Date promised, with a promise outcome.' })
  @IsOptional()
  @IsISO8601(DATE)
  promisedOn?: string;
}

export class CreateTaskDto {
  @ApiProperty({ description: 'Client-chosen id: a retry is a no-op.' })
  @IsString()
  @Length(1, 200)
  taskId!: string;

  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS)
  kind!: TaskKind;

  @ApiProperty({ description: 'Due instant, ISO 8601 with offset.' })
  @IsISO8601(INSTANT)
  dueAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  assignee?: string;
}

export class AssignCaseDto {
  @ApiPropertyOptional({ description: 'Agent to work the case; absent = unassigned.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  agentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  teamId?: string;
}

export class CasesByDebtorQuery {
  @ApiProperty()
  @IsUUID()
  debtorId!: string;
}

export class WorklistQuery {
  @ApiPropertyOptional({ description: 'Delinquency bucket, e.g. 91-120.' })
  @IsOptional()
  @IsString()
  bucket?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  creditorId?: string;

  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    description: 'Default: every worked status (held and closed cases left out).',
  })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: '1–500, default 50.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
