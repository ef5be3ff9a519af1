import { Decider } from '@cartera/decider';
import { AccountCommand } from './account.commands';
import { decide } from './account.decide';
import { AccountEvent } from './account.events';
import { evolve } from './account.evolve';
import { Account, initialState } from './account.state';

export const accountDecider: Decider<Account, AccountCommand, AccountEvent> = {
  decide,
  evolve,
  initialState,
};

export { decide, evolve, initialState };
export * from './account.commands';
export * from './account.errors';
export * from './account.events';
export * from './account.state';
export { allocatePayment, DEFAULT_WATERFALL, waterfallProblem } from './allocate-payment';
export type { PaymentAllocation, Waterfall } from './allocate-payment';
export { bucketFor, bucketSchemeProblem, daysPastDue, DEFAULT_BUCKETS } from './aging';
export type { Bucket, BucketId, BucketScheme } from './aging';
export { COMPONENTS, components, MAX_MINOR_UNITS, NO_COMPONENTS, totalOf, withinMoneyLimit } from './balance';
export type { Component, Components } from './balance';
export { addDays, daysBetween, isInstant, isIsoDate, isTimeZone, localDateIn } from './calendar';
export type { Instant, IsoDate } from './calendar';
export { ACCRUAL_DENOMINATOR } from './interest-accrual';
export type { AccrualPosition, InterestTerms } from './interest-accrual';
export { placementProblem } from './placement';
