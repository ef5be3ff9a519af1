import { isIsoDate, isTimeZone, localDateIn } from '@cartera/ledger-domain';

type FieldError = Readonly<{ field: string; reason: string }>;

type PlacementDates = Readonly<{
  originatedOn: string;
  firstUnpaidDueDate: string;
  chargedOffOn: string | null;
  lastPaymentOn: string | null;
  timeZone: string;
  placedAt: string;
}>;

/**
 * Dates a debt cannot have: originated after the day it is placed, or a due date, charge-off or
 * last payment before it originated. Only well-formed dates are compared (the others are row errors already).
 */
export const placementDateErrors = (d: PlacementDates): FieldError[] => {
  if (!isIsoDate(d.originatedOn)) return [];
  const placedOn = isTimeZone(d.timeZone) ? localDateIn(d.timeZone, d.placedAt) : d.placedAt.slice(0, 10);
  const errors: FieldError[] = [];
  if (d.originatedOn > placedOn)
    errors.push({ field: 'originatedOn', reason: `is in the future (placed on ${placedOn})` });
  const before = (field: 'firstUnpaidDueDate' | 'chargedOffOn' | 'lastPaymentOn') => {
    const date = d[field];
    if (date && isIsoDate(date) && date < d.originatedOn)
      errors.push({ field, reason: `is before originatedOn (${d.originatedOn})` });
  };
  before('firstUnpaidDueDate');
  before('chargedOffOn');
  before('lastPaymentOn');
  return errors;
};
