import { applyDecorators } from './apply-decorators';
import { IsISO4217CurrencyCode, IsString, Matches } from 'class-validator';

/** Money amount in a contract: an integer number of minor units, as a string (`"1500"` = 15.00). */
export const IsMinorUnits = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(/^-?(0|[1-9][0-9]*)$/, {
      message: '$property must be an integer number of minor units as a string',
    }),
  );

/** ISO 4217 currency code of a contract's money field. */
export const IsCurrency = (): PropertyDecorator => applyDecorators(IsString(), IsISO4217CurrencyCode());
