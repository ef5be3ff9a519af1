import type { Role } from '@cartera/platform';
import type { AccountEventView } from './accounts.queries';

/** Roles whose work needs debtors' names and contact data; the others (analyst) see them masked. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['agent', 'supervisor', 'compliance', 'admin'];

export const seesPersonalData = (roles: readonly Role[]): boolean =>
  roles.some((r) => PERSONAL_DATA_ROLES.includes(r));

export const MASKED = '***';

/** Every text in the value masked, its shape kept (a list of three e-mails stays three entries). */
const masked = (value: unknown): unknown => {
  if (typeof value === 'string') return MASKED;
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
};

type Placed = { debtor: { reference: string; identity: unknown; contact: unknown } };

/** The event without personal data: the debtor's identity and contact, and free-text notes. */
export const withoutPersonalData = (e: AccountEventView): AccountEventView => {
  if (e.type === 'AccountPlaced') {
    const data = e.data as Placed;
    const { reference, identity, contact } = data.debtor;
    return {
      ...e,
      data: { ...data, debtor: { reference, identity: masked(identity), contact: masked(contact) } },
    };
  }
  if (e.type === 'AdjustmentApplied' && (e.data as { note?: unknown }).note)
    return { ...e, data: { ...(e.data as object), note: MASKED } };
  return e;
};
