import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsISO8601 } from 'class-validator';

const IsDay = () => IsISO8601({ strict: true, strictSeparator: true });

export class PortfolioSummaryQuery {
  @IsOptional() @IsString() @Length(1, 100) creditorId?: string;
  @IsOptional() @IsISO4217CurrencyCode() currency?: string;
  /** The portfolio at the end of this business day (UTC); absent: now. */
  @IsOptional() @IsDay() asOf?: string;
}

export const GROUP_BY = ['day', 'creditor', 'channel'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export class CollectionsQuery {
  @IsDay() from!: string;
  @IsDay() to!: string;
  @IsOptional() @IsIn(GROUP_BY) groupBy?: GroupBy;
  @IsOptional() @IsString() @Length(1, 100) creditorId?: string;
  @IsOptional() @IsISO4217CurrencyCode() currency?: string;
}

export class BucketMovementsQuery {
  @IsDay() from!: string;
  @IsDay() to!: string;
  @IsOptional() @IsString() @Length(1, 100) creditorId?: string;
}

export class AccountsQuery {
  @IsOptional() @IsString() @Length(1, 100) creditorId?: string;
  @IsOptional() @IsUUID() debtorId?: string;
  @IsOptional() @IsISO4217CurrencyCode() currency?: string;
  @IsOptional() @IsString() @Length(1, 50) status?: string;
  @IsOptional() @IsString() @Length(1, 50) bucket?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) minDaysPastDue?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}
