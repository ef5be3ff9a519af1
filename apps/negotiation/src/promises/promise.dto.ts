import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCurrency, PROMISE_CHANNELS } from '@cartera/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/** A positive whole number of minor units as a string, below 10^18 (bigint in the domain, never a float). */
export const POSITIVE_MINOR_UNITS = /^[1-9][0-9]{0,17}$/;
export const IsPositiveMinorUnits = (): PropertyDecorator =>
  Matches(POSITIVE_MINOR_UNITS, {
    message: '$property must be a positive integer number of minor units as a string',
  });
export const IsIsoDateField = (): PropertyDecorator => IsISO8601({ strict: true, strictSeparator: true });

export class MakePromiseDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client to make a retry idempotent; generated when absent.',
  })
  @IsOptional()
  @IsUUID()
  promiseId?: string;

  @ApiProperty() @IsUUID() accountId!: string;
  @ApiProperty({ description: "Cartera's debtor id (the ledger's)." }) @IsUUID() debtorId!: string;
  @ApiProperty() @IsString() @Length(1, 100) creditorId!: string;

  @ApiProperty({ description: 'Promised amount in minor units, as an integer string.', example: '20000' })
  @IsPositiveMinorUnits()
  amountMinor!: string;

  @ApiProperty({ example: 'USD' }) @IsCurrency() currency!: string;

  @ApiProperty({
    description: 'The date the debtor promised to pay by (their calendar).',
    example: '2026-12-10',
  })
  @IsIsoDateField()
  dueOn!: string;

  @ApiProperty({ enum: PROMISE_CHANNELS })
  @IsIn(PROMISE_CHANNELS)
  channel!: (typeof PROMISE_CHANNELS)[number];
}

export class PromiseViewDto {
  @ApiProperty() promiseId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() debtorId!: string;
  @ApiProperty() creditorId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Minor units.' }) amountMinor!: string;
  @ApiProperty({ description: 'What counts towards the promise so far, minor units.' }) paidMinor!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ description: 'Due date plus tolerance days.' }) deadline!: string;
  @ApiProperty({ enum: ['open', 'kept', 'partially_kept', 'broken', 'cancelled'] }) status!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ nullable: true }) decidedOn!: string | null;
}
