import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { defineContract } from '../contract-registry';
import { IsIsoDate, LedgerMessageBase } from './ledger-common';

export class DelinquencyBucketChangedV1 extends LedgerMessageBase {
  /** null on the account's first aging. */
  @IsOptional() @IsString() from!: string | null;
  @IsString() to!: string;
  @IsInt() @Min(0) dpd!: number;
  @IsIsoDate() asOf!: string;
}

export const DelinquencyBucketChangedV1Contract = defineContract(
  'DelinquencyBucketChanged',
  1,
  DelinquencyBucketChangedV1,
);
