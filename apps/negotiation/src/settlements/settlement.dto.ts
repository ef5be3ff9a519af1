import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCurrency } from '@cartera/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDateField, IsPositiveMinorUnits } from '../promises/promise.dto';

const IsMinorUnitsOrZero = (): PropertyDecorator =>
  Matches(/^(0|[1-9][0-9]{0,17})$/, {
    message: '$property must be a whole number of minor units as a string',
  });

/** The account's balance by component, as the ledger last reported it. */
export class BalanceDto {
  @ApiProperty() @IsMinorUnitsOrZero() principalMinor!: string;
  @ApiProperty() @IsMinorUnitsOrZero() interestMinor!: string;
  @ApiProperty() @IsMinorUnitsOrZero() feesMinor!: string;
}

export class OfferSettlementDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client to make a retry idempotent; generated when absent.',
  })
  @IsOptional()
  @IsUUID()
  offerId?: string;

  @ApiProperty() @IsUUID() accountId!: string;
  @ApiProperty() @IsUUID() debtorId!: string;
  @ApiProperty() @IsString() @Length(1, 100) creditorId!: string;
  @ApiProperty({ example: 'USD' }) @IsCurrency() currency!: string;
  @ApiProperty({ type: BalanceDto }) @ValidateNested() @Type(() => BalanceDto) balance!: BalanceDto;
  @ApiProperty({ description: 'What the debtor pays to settle, minor units.' })
  @IsPositiveMinorUnits()
  settlementAmountMinor!: string;
  @ApiProperty({ enum: ['lump_sum', 'short_plan'] }) @IsIn(['lump_sum', 'short_plan']) form!:
    'lump_sum' | 'short_plan';
  @ApiProperty({ description: 'Lump sum: the due date; short plan: the first instalment’s.' })
  @IsIsoDateField()
  dueOn!: string;

  @ApiPropertyOptional({ description: 'Short plan only: monthly instalments (2–12).' })
  @ValidateIf((d: OfferSettlementDto) => d.form === 'short_plan')
  @IsInt()
  @Min(2)
  @Max(12)
  instalments?: number;

  @ApiProperty() @IsIsoDateField() expiresOn!: string;
}

export class ApproveSettlementDto {
  @ApiPropertyOptional({ description: 'Why it was approved (kept with the approval).' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
