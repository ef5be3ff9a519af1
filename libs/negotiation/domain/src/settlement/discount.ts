/** A balance by component, in minor units, as the ledger reports it. */
export type Components = Readonly<{ principal: bigint; interest: bigint; fees: bigint }>;
export type Component = keyof Components;

export const COMPONENTS: readonly Component[] = ['principal', 'interest', 'fees'];

/** Interest and fees are given up first, principal last. */
export const DEFAULT_DISCOUNT_ORDER: readonly Component[] = ['interest', 'fees', 'principal'];

export const totalOf = (c: Components): bigint => c.principal + c.interest + c.fees;

/** Splits a discount over the balance's components in `order`, each giving up at most what it holds. */
export const discountByComponent = (
  balance: Components,
  discount: bigint,
  order: readonly Component[] = DEFAULT_DISCOUNT_ORDER,
): Components => {
  const parts = { principal: 0n, interest: 0n, fees: 0n };
  let left = discount;
  for (const component of order) {
    const part = balance[component] < left ? balance[component] : left;
    parts[component] = part;
    left -= part;
  }
  return parts;
};

/** The discount as basis points of the balance, rounded up so that a limit is never exceeded by rounding. */
export const discountBps = (discount: bigint, balance: bigint): number =>
  Number((discount * 10_000n + balance - 1n) / balance);
