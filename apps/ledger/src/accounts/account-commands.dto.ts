import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCurrency, IsLedgerMinorUnits, LEDGER_MAX_MINOR_UNITS, PAYMENT_CHANNELS } from '@cartera/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  Max,
  Min,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';

const INSTANT = { strict: true, strictSeparator: true } as const;

export class PostPaymentDto {
  @ApiProperty({
    description: "The processor's payment id: a retry with the same id is a no-op.",
    example: 'psp-991',
  })
  @IsString()
  @Length(1, 200)
  paymentId!: string;

  @ApiProperty({
    description: `Amount in minor units, as an integer string (15000 = 150.00 in a 2-decimal currency); at most ${LEDGER_MAX_MINOR_UNITS}.`,
    example: '15000',
  })
  @IsLedgerMinorUnits()
  amountMinor!: string;

  @ApiProperty({ description: 'ISO 4217; must be the account currency.', example: 'COP' })
  @IsCurrency()
  currency!: string;

  @ApiProperty({
    description: 'When the debtor paid: ISO 8601 instant with offset.',
    example: '2026-11-20T15:04:05Z',
  })
  @IsISO8601(INSTANT)
  paidAt!: string;

  @ApiProperty({ enum: PAYMENT_CHANNELS })
  @IsIn(PAYMENT_CHANNELS)
  channel!: (typeof PAYMENT_CHANNELS)[number];
}

export const REVERSAL_REASONS = ['insufficient_funds', 'chargeback', 'other'] as const;

export class ReversePaymentDto {
  @ApiProperty({ enum: REVERSAL_REASONS })
  @IsIn(REVERSAL_REASONS)
  reason!: (typeof REVERSAL_REASONS)[number];

  @ApiPropertyOptional({ description: 'When the payment was reversed; default now.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  reversedAt?: string;
}

export class ComponentDeltaDto {
  @ApiPropertyOptional({
    description: `Signed minor units, at most ${LEDGER_MAX_MINOR_UNITS} either way.`,
    example: '-5000',
  })
  @IsOptional()
  @IsLedgerMinorUnits()
  principal?: string;

  @ApiPropertyOptional({ description: `Signed minor units, at most ${LEDGER_MAX_MINOR_UNITS} either way.` })
  @IsOptional()
  @IsLedgerMinorUnits()
  interest?: string;

  @ApiPropertyOptional({ description: `Signed minor units, at most ${LEDGER_MAX_MINOR_UNITS} either way.` })
  @IsOptional()
  @IsLedgerMinorUnits()
  fees?: string;
}

export const ADJUSTMENT_REASONS = ['waiver', 'correction', 'settlement_discount', 'other'] as const;

export class ApplyAdjustmentDto {
  @ApiProperty({
    description: 'Client-chosen id: a retry with the same id is a no-op.',
    example: 'adj-2026-0042',
  })
  @IsString()
  @Length(1, 200)
  adjustmentId!: string;

  @ApiProperty({
    type: ComponentDeltaDto,
    description: 'Signed change per component; a component may not go below zero.',
  })
  @ValidateNested()
  @Type(() => ComponentDeltaDto)
  @IsNotEmptyObject()
  delta!: ComponentDeltaDto;

  @ApiProperty({ example: 'COP' })
  @IsCurrency()
  currency!: string;

  @ApiProperty({ enum: ADJUSTMENT_REASONS })
  @IsIn(ADJUSTMENT_REASONS)
  reason!: (typeof ADJUSTMENT_REASONS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;

  @ApiPropertyOptional({ description: 'Default now.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  appliedAt?: string;
}

export class CloseAccountDto {
  @ApiPropertyOptional({ description: 'Why (free text, kept on the event).' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'When it took effect; default now.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  at?: string;
}

export const ACCOUNT_STATUSES = ['active', 'closed'] as const;

export class ListAccountsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) creditorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @Length(36, 36) debtorId?: string;
  @ApiPropertyOptional({ example: '31-60' }) @IsOptional() @IsString() @Length(1, 50) bucket?: string;
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: (typeof ACCOUNT_STATUSES)[number];
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
