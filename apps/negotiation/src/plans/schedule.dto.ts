import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCurrency } from '@cartera/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { IsIsoDateField, IsPositiveMinorUnits } from '../promises/promise.dto';

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;

/** The terms of a plan as a request names them; give `instalments` or `instalmentAmountMinor`. */
export class ScheduleTermsDto {
  @ApiProperty() @IsString() @Length(1, 100) creditorId!: string;
  @ApiProperty({ description: 'Balance under the plan, minor units.', example: '100000' })
  @IsPositiveMinorUnits()
  principalMinor!: string;
  @ApiProperty({ example: 'USD' }) @IsCurrency() currency!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsIsoDateField() firstDueOn!: string;
  @ApiProperty({ enum: FREQUENCIES }) @IsIn(FREQUENCIES) frequency!: (typeof FREQUENCIES)[number];

  @ApiPropertyOptional({
    description: 'Monthly only; months too short use their last day. Default: the day of firstDueOn.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  dayOfMonth?: number;

  @ApiPropertyOptional()
  @ValidateIf((d: ScheduleTermsDto) => d.instalmentAmountMinor === undefined)
  @IsInt()
  @Min(1)
  instalments?: number;
  @ApiPropertyOptional() @IsOptional() @IsPositiveMinorUnits() instalmentAmountMinor?: string;
  @ApiPropertyOptional() @IsOptional() @IsPositiveMinorUnits() downPaymentMinor?: string;
  @ApiPropertyOptional()
  @ValidateIf((d: ScheduleTermsDto) => d.downPaymentMinor !== undefined)
  @IsIsoDateField()
  downPaymentDueOn?: string;
  @ApiPropertyOptional({ description: 'Annual interest in basis points (1200 = 12 %); none when absent.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  annualRateBps?: number;
}

/** A plan to agree: the schedule terms plus whose account it is. */
export class AgreePlanDto extends ScheduleTermsDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client to make a retry idempotent; generated when absent.',
  })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiProperty() @IsUUID() accountId!: string;
  @ApiProperty() @IsUUID() debtorId!: string;
}
