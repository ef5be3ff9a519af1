import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { applyDecorators } from '../apply-decorators';
import { IsCurrency, IsMinorUnits } from '../money.validators';

/**
 * The largest amount of any ledger money field, in minor units (15 digits): every store and read
 * model holds it (PostgreSQL bigint, sums of thousands of them) and every JSON consumer reads it
 * exactly as a number (below 2^53). The ledger refuses anything beyond it with 400.
 */
export const LEDGER_MAX_MINOR_UNITS = '999999999999999';

/** A ledger money field: integer minor units as a string, at most LEDGER_MAX_MINOR_UNITS either way. */
export const IsLedgerMinorUnits = (): PropertyDecorator =>
  applyDecorators(
    IsMinorUnits(),
    Matches(/^-?(0|[1-9][0-9]{0,14})$/, {
      message: `$property must be at most ${LEDGER_MAX_MINOR_UNITS} minor units either way`,
    }),
  );

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
