import { BadRequestException } from '@nestjs/common';
import { validationProblem } from '@cartera/platform';
import { Temporal } from 'temporal-polyfill';

/**
 * Business times later than now plus a small skew (callers' clocks drift) are refused, naming the
 * field: a payment dated 2031 is a typo, not a fact. Earlier bounds (the account's origination)
 * are the domain's.
 */
export const refuseFutureTimes = (
  fields: Readonly<Record<string, string | undefined>>,
  now: Date,
  skewSeconds: number,
): void => {
  const latest = Temporal.Instant.fromEpochMilliseconds(now.getTime()).add({ seconds: skewSeconds });
  const late = Object.entries(fields).filter(
    ([, value]) => value !== undefined && Temporal.Instant.compare(Temporal.Instant.from(value), latest) > 0,
  );
  if (late.length === 0) return;
  const messages = (field: string) => [`${field} is later than now plus ${skewSeconds} s (${latest})`];
  throw new BadRequestException(
    validationProblem(late.map(([field]) => ({ field, messages: messages(field) }))),
  );
};
