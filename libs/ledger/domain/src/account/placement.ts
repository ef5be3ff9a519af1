import { isCurrency } from '@cartera/money';
import { COMPONENTS, totalOf } from './balance';
import { isInstant, isIsoDate, isTimeZone } from './calendar';
import { PlaceAccount } from './account.commands';

/** Why a placement cannot be accepted, or null. The import reports this per row. */
export const placementProblem = (p: PlaceAccount['data']): string | null => {
  const missing = (['accountId', 'creditorId', 'creditorAccountRef', 'product'] as const).find(
    (k) => !nonEmpty(p[k]),
  );
  if (missing) return `${missing} is required`;
  if (!nonEmpty(p.debtor?.reference)) return 'debtor.reference is required';
  if (!nonEmpty(p.debtor?.identity?.fullName)) return 'debtor.identity.fullName is required';
  if (!isCurrency(p.currency)) return `currency ${String(p.currency)} is not an ISO 4217 code`;
  if (!isTimeZone(p.timeZone)) return `timeZone ${String(p.timeZone)} is not a known IANA zone`;
  if (!isInstant(p.placedAt)) return 'placedAt must be an ISO 8601 instant with offset';
  const badComponent = COMPONENTS.find((k) => typeof p.balance?.[k] !== 'bigint' || p.balance[k] < 0n);
  if (badComponent) return `balance.${badComponent} must be zero or more minor units`;
  if (totalOf(p.balance) <= 0n) return 'the balance must be positive';
  const badDate = (['originatedOn', 'firstUnpaidDueDate'] as const).find((k) => !isIsoDate(p[k]));
  if (badDate) return `${badDate} must be a date YYYY-MM-DD`;
  const badOptionalDate = (['chargedOffOn', 'lastPaymentOn'] as const).find(
    (k) => p[k] !== null && !isIsoDate(p[k]),
  );
  if (badOptionalDate) return `${badOptionalDate} must be a date YYYY-MM-DD or null`;
  const bps = p.interestTerms?.annualRateBps;
  if (p.interestTerms !== null && (!Number.isSafeInteger(bps) || (bps as number) < 0)) {
    return 'interestTerms.annualRateBps must be a whole number of basis points, zero or more';
  }
  return null;
};

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** Structural equality of placement data (bigints, nested; absent = undefined): a re-import or a conflict. */
export const sameData = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...keys].every((k) => sameData(left[k], right[k]));
};
