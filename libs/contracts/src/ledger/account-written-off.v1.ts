import { IsOptional, IsString } from 'class-validator';
import { defineContract } from '../contract-registry';
import { ComponentsV1, IsInstant, IsIsoDate, LedgerMessageBase, nested } from './ledger-common';

export class AccountWrittenOffV1 extends LedgerMessageBase {
  @nested(ComponentsV1) amount!: ComponentsV1;
  @IsOptional() @IsString() reason!: string | null;
  @IsInstant() writtenOffAt!: string;
  @IsIsoDate() writtenOffOn!: string;
}

export const AccountWrittenOffV1Contract = defineContract('AccountWrittenOff', 1, AccountWrittenOffV1);
