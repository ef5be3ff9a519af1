export { decideContactPolicy } from './decide-contact-policy';
export type { BlockReason, ContactDecision, ContactPolicyInput, DecisionEvidence } from './contact-decision';
export * from './contact-policy.types';
export * from './rule-pack';
export * from './packs';
export { zonesSuggestedBy } from './time-zones';
export { isPublicHoliday } from './holidays';
export type { HolidayCalendar } from './holidays';
