import { Money } from './money';

export type Ratio = bigint | number;

/**
 * Splits an amount by ratios with the largest-remainder method: every part gets the floor of its
 * exact share, then the units left over go one each to the parts with the largest remainders
 * (ties to the earlier part). The parts always add up to the amount, to the last minor unit.
 *
 * `allocate(usd(100n), [1, 1, 1])` → 34, 33, 33 · a negative amount splits like its absolute value.
 */
export const allocate = (total: Money, ratios: readonly Ratio[]): Money[] =>
  allocateAmount(total.amount, ratios).map((amount) => ({ amount, currency: total.currency }));

/** `allocate` on bare minor units. */
export const allocateAmount = (total: bigint, ratios: readonly Ratio[]): bigint[] => {
  const weights = ratios.map(toWeight);
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0 || weightSum === 0n)
    throw new RangeError('allocate needs at least one positive ratio');
  if (total < 0n) return allocateAmount(-total, weights).map((part) => -part);

  const parts = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w, index) => ({ index, remainder: (total * w) % weightSum }));
  let leftover = total - parts.reduce((a, b) => a + b, 0n);
  // Largest remainder first; the stable sort keeps ties in the caller's order.
  const byRemainder = [...remainders].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index] += 1n;
    leftover -= 1n;
  }
  return parts;
};

const toWeight = (ratio: Ratio): bigint => {
  if (typeof ratio === 'number' && !Number.isSafeInteger(ratio)) {
    throw new RangeError(
      `Ratios are whole numbers (scale them, e.g. percentages in basis points), got ${ratio}`,
    );
  }
  const weight = BigInt(ratio);
  if (weight < 0n) throw new RangeError(`Ratios cannot be negative, got ${ratio}`);
  return weight;
};
