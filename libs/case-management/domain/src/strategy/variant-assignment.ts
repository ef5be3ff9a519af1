import { Experiment } from './strategy.document';

/** How a case got its variant: kept from its recorded assignment, or placed by the hash. */
export type VariantAssignment = Readonly<{ variantId: string; how: 'kept' | 'hashed'; point: number }>;

/**
 * FNV-1a (32-bit) over the UTF-16 code units: a few lines, no dependency, the same number on every
 * machine and release, which is all an assignment needs (it is not a security hash). The murmur3
 * finaliser spreads the low bits, since the point is taken modulo 100 and case ids differ by a
 * trailing digit.
 */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
};

/** The case's point in 0–99 for this experiment: the same case and experiment, the same point. */
export const assignmentPoint = (caseId: string, experimentId: string): number =>
  fnv1a(`${experimentId}\u0000${caseId}`) % 100;

/**
 * Variants own consecutive ranges of the 0–99 points by their shares (80/20: 0–79, 80–99). A case
 * keeps the variant recorded for it while that variant exists, so changing shares moves only new
 * cases; `reshuffle` places every case by the hash again.
 */
export const assignVariant = (
  caseId: string,
  experiment: Experiment,
  recorded: string | null,
  reshuffle = false,
): VariantAssignment => {
  const point = assignmentPoint(caseId, experiment.id);
  if (!reshuffle && recorded !== null && experiment.variants.some((v) => v.id === recorded))
    return { variantId: recorded, how: 'kept', point };
  let end = 0;
  for (const variant of experiment.variants) {
    end += variant.share;
    if (point < end) return { variantId: variant.id, how: 'hashed', point };
  }
  // Unreachable for a validated experiment (shares sum to 100).
  return { variantId: experiment.variants[experiment.variants.length - 1].id, how: 'hashed', point };
};
