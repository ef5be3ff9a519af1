// Kept out of the lib's index: the debtor registry names its own date types the same way.

/** ISO 8601 instant with offset (`2026-12-04T15:00:00Z`). */
export type Instant = string;
/** Calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
