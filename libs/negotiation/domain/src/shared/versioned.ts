import { IsoDate } from './calendar';

/**
 * A business rule as data: each version takes effect on a date and stays until the next one.
 * Every decision records the `version` it used, so it can be explained and replayed.
 */
export type Versioned = Readonly<{ version: string; effectiveFrom: IsoDate }>;

/** The version in effect on `on`: the latest that took effect on or before it, or null. */
export const inEffect = <T extends Versioned>(versions: readonly T[], on: IsoDate): T | null =>
  versions.reduce<T | null>(
    (current, v) =>
      v.effectiveFrom <= on && (!current || v.effectiveFrom > current.effectiveFrom) ? v : current,
    null,
  );
