import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCurrency, IsMinorUnits } from '../money.validators';

/** Balance by component, in minor units (strings). */
export class ComponentsV1 {
  @IsMinorUnits() principal!: string;
  @IsMinorUnits() interest!: string;
  @IsMinorUnits() fees!: string;
}

/** Fields every ledger message carries: which account, whose, for which creditor. */
export class LedgerMessageBase {
  @IsUUID() accountId!: string;
  /** Cartera's debtor id (deterministic from creditor + the creditor's debtor reference); the bus key. */
  @IsUUID() debtorId!: string;
  @IsString() @Length(1, 100) creditorId!: string;
  @IsCurrency() currency!: string;
}

export const nested = (cls: new () => object): PropertyDecorator => {
  const type = Type(() => cls);
  const validate = ValidateNested();
  return (target, key) => {
    type(target, key);
    validate(target, key);
  };
};

export const PAYMENT_CHANNELS = ['card', 'bank_transfer', 'cash', 'check', 'direct_debit', 'portal'] as const;
export const IsPaymentChannel = (): PropertyDecorator => IsIn(PAYMENT_CHANNELS);
export const IsInstant = (): PropertyDecorator => IsISO8601({ strict: true });
export const IsIsoDate = (): PropertyDecorator => IsISO8601({ strict: true, strictSeparator: true });
