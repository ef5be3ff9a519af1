import { daysBetween, IsoDate } from './calendar';

/** The name of a delinquency bucket, e.g. `'31-60'`; stable, it goes into events and reports. */
export type BucketId = string;

/** A bucket starts at `fromDpd` days past due and runs up to the next bucket's start. */
export type Bucket = Readonly<{ id: BucketId; fromDpd: number }>;

/** Ordered by `fromDpd`, the first at 0; default: current, 1–30, …, 181–365 (365 included), 365+. */
export type BucketScheme = readonly Bucket[];

export const DEFAULT_BUCKETS: BucketScheme = [
  { id: 'current', fromDpd: 0 },
  { id: '1-30', fromDpd: 1 },
  { id: '31-60', fromDpd: 31 },
  { id: '61-90', fromDpd: 61 },
  { id: '91-120', fromDpd: 91 },
  { id: '121-180', fromDpd: 121 },
  { id: '181-365', fromDpd: 181 },
  { id: '365+', fromDpd: 366 },
];

/** Whole days since the first unpaid due date on `asOf`, 0 before it: due the 1st, unpaid the 2nd = 1. */
export const daysPastDue = (firstUnpaidDueDate: IsoDate, asOf: IsoDate): number =>
  Math.max(0, daysBetween(firstUnpaidDueDate, asOf));

/** The bucket a DPD falls in: the last bucket whose start is at or below it. */
export const bucketFor = (dpd: number, scheme: BucketScheme = DEFAULT_BUCKETS): BucketId => {
  let found = scheme[0].id;
  for (const bucket of scheme) if (bucket.fromDpd <= dpd) found = bucket.id;
  return found;
};

/** Why a scheme is unusable, or null when it is fine. */
export const bucketSchemeProblem = (scheme: BucketScheme): string | null => {
  if (scheme.length === 0 || scheme[0].fromDpd !== 0) return 'the first bucket must start at 0 DPD';
  if (new Set(scheme.map((b) => b.id)).size !== scheme.length) return 'bucket ids must be unique';
  for (let i = 1; i < scheme.length; i++) {
    const { fromDpd } = scheme[i];
    if (!Number.isSafeInteger(fromDpd) || fromDpd <= scheme[i - 1].fromDpd)
      return 'bucket starts must be whole and increasing';
  }
  return null;
};
