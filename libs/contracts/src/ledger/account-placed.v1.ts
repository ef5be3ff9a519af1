import { IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { defineContract } from '../contract-registry';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

export class PostalAddressV1 {
  @IsArray() @IsString({ each: true }) lines!: string[];
  @IsString() city!: string;
  @IsOptional() @IsString() region?: string;
  @IsOptional() @IsString() postalCode?: string;
  @IsString() @Length(2, 2) country!: string;
}

/** The debtor block case management opens a debtor and case from (personal data: encrypted at rest by consumers). */
export class DebtorV1 {
  @IsString() @Length(1, 100) reference!: string;
  @IsString() @Length(1, 300) fullName!: string;
  @IsOptional() @IsString() givenName?: string;
  @IsOptional() @IsString() familyName?: string;
  @IsOptional() @IsIsoDate() dateOfBirth?: string;
  @IsOptional() @IsString() nationalId?: string;
  @IsArray() @IsEmail({}, { each: true }) emails!: string[];
  @IsArray() @IsString({ each: true }) phones!: string[];
  @IsOptional() @nested(PostalAddressV1) address?: PostalAddressV1;
  /** IANA time zone, for contact windows and aging. */
  @IsString() timeZone!: string;
}

export class AccountPlacedV1 extends LedgerMessageBase {
  @IsString() @Length(1, 100) creditorAccountRef!: string;
  @nested(DebtorV1) debtor!: DebtorV1;
  @nested(ComponentsV1) balance!: ComponentsV1;
  @IsString() product!: string;
  @IsIsoDate() originatedOn!: string;
  @IsIsoDate() firstUnpaidDueDate!: string;
  @IsOptional() @IsIsoDate() chargedOffOn?: string | null;
  @IsOptional() @IsIsoDate() lastPaymentOn?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) interestRateBps?: number | null;
  @IsInstant() placedAt!: string;
  @IsIn(['active']) status!: 'active';
}

export const AccountPlacedV1Contract = defineContract('AccountPlaced', 1, AccountPlacedV1);
