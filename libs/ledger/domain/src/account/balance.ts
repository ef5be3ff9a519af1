/**
 * A balance component: what a debt is made of. `principal` is the amount originally lent or
 * owed; `interest` is interest assessed on it; `fees` are late and other fees. Payments,
 * adjustments and charges always say which components they touch.
 */
export type Component = 'principal' | 'interest' | 'fees';

export const COMPONENTS: readonly Component[] = ['principal', 'interest', 'fees'];

/** An amount per component, in minor units of the account's currency. */
export type Components = Readonly<Record<Component, bigint>>;

export const NO_COMPONENTS: Components = { principal: 0n, interest: 0n, fees: 0n };

export const components = (parts: Partial<Components> = {}): Components => ({ ...NO_COMPONENTS, ...parts });

/** The balance: principal + interest + fees (the credit balance is separate and never nets in). */
export const totalOf = (c: Components): bigint => c.principal + c.interest + c.fees;

export const plus = (a: Components, b: Components): Components => ({
  principal: a.principal + b.principal,
  interest: a.interest + b.interest,
  fees: a.fees + b.fees,
});

export const minus = (a: Components, b: Components): Components => ({
  principal: a.principal - b.principal,
  interest: a.interest - b.interest,
  fees: a.fees - b.fees,
});

export const isNonNegative = (c: Components): boolean => COMPONENTS.every((k) => c[k] >= 0n);

/**
 * The largest amount any money field of the ledger holds, in minor units (15 digits): exact as a
 * JSON number in every consumer (below 2^53), and a PostgreSQL bigint sum of thousands of such
 * amounts in a read model still fits. Amounts beyond it are refused, never stored.
 */
export const MAX_MINOR_UNITS = 999_999_999_999_999n;

export const withinMoneyLimit = (amount: bigint): boolean =>
  amount <= MAX_MINOR_UNITS && amount >= -MAX_MINOR_UNITS;
