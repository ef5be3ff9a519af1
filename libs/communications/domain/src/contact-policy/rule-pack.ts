import type { HolidayCalendar } from './holidays';
import type {
  ConsentProvenance,
  ContactChannel,
  HoldReason,
  Jurisdiction,
  RecipientRole,
} from './contact-policy.types';

/** A rule as the law names it: a stable id and the legal text it implements. */
export type RuleRef = Readonly<{ id: string; citation: string }>;

/** A local time window, both ends inclusive: `{ from: '08:00', to: '21:00' }`. */
export type TimeWindow = Readonly<{ from: string; to: string }>;

/** Allowed local hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed. */
export type HoursRule = RuleRef &
  Readonly<{
    channels: readonly ContactChannel[];
    windows: Readonly<Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, TimeWindow>>>;
    /** Closed on the public holidays of this calendar. */
    closedOnHolidaysOf?: HolidayCalendar;
  }>;

/**
 * At most `max` attempts (or distinct channels) per debt or per debtor in a window of local days:
 * `days` consecutive days ending on the contact's day, or the calendar week (Monday–Sunday).
 */
export type FrequencyCap = RuleRef &
  Readonly<{
    channels: readonly ContactChannel[];
    per: 'debt' | 'debtor';
    counts: 'attempts' | 'channels';
    max: number;
    window: Readonly<{ days: number }> | 'calendar_week';
    /** Applies only once a conversation with the debtor has taken place (Ley 2300's "contacto directo"). */
    afterDirectContact?: boolean;
  }>;

/** No contact on `channels` during `days` local days starting on the day of a conversation. */
export type QuietPeriod = RuleRef &
  Readonly<{
    channels: readonly ContactChannel[];
    per: 'debt' | 'debtor';
    conversationChannels: readonly ContactChannel[];
    days: number;
  }>;

/** A jurisdiction's contact rules as effective-dated, versioned data. */
export type RulePack = Readonly<{
  id: string;
  version: string;
  jurisdiction: Jurisdiction;
  /** First day (inclusive, UTC date of the decision) the version applies; `effectiveUntil` exclusive. */
  effectiveFrom: string;
  effectiveUntil?: string;
  citation: string;
  /** Zones assumed when the debtor's data suggests none (a single-zone country); empty = block. */
  defaultTimeZones: readonly string[];
  holds: RuleRef & Readonly<{ byReason?: Readonly<Partial<Record<HoldReason, RuleRef>>> }>;
  recipients: RuleRef & Readonly<{ allowed: readonly RecipientRole[] }>;
  forbiddenChannels?: RuleRef & Readonly<{ channels: readonly ContactChannel[] }>;
  optOut: RuleRef;
  optOutNotice?: RuleRef;
  channelAuthorisation?: RuleRef;
  emailProvenance?: RuleRef & Readonly<{ accepted: readonly ConsentProvenance[] }>;
  zoneUnknown: RuleRef;
  hours: readonly HoursRule[];
  caps: readonly FrequencyCap[];
  quietPeriods: readonly QuietPeriod[];
}>;

/** An agency's own limits for one creditor, stricter than the law, versioned like a pack. */
export type AgencyLimits = Readonly<{
  creditorId: string;
  version: string;
  effectiveFrom: string;
  effectiveUntil?: string;
  caps: readonly FrequencyCap[];
  quietPeriods: readonly QuietPeriod[];
}>;

/** The pack and version a decision was made under: `'us-reg-f/2021-11-30'`. */
export const packVersionOf = (pack: Pick<RulePack, 'id' | 'version'>): string => `${pack.id}/${pack.version}`;

export const agencyVersionOf = (limits: AgencyLimits): string =>
  `agency:${limits.creditorId}/${limits.version}`;

const inEffect = (
  item: Readonly<{ effectiveFrom: string; effectiveUntil?: string }>,
  date: string,
): boolean => item.effectiveFrom <= date && (item.effectiveUntil === undefined || date < item.effectiveUntil);

type Dated = Readonly<{ effectiveFrom: string; effectiveUntil?: string }>;

/** The item in effect on a date; the latest start wins an overlap (ISO dates compare as strings). */
const latestInEffect = <T extends Dated>(
  items: readonly T[],
  matches: (item: T) => boolean,
  date: string,
) => {
  let found: T | undefined;
  for (const item of items)
    if (matches(item) && inEffect(item, date) && (!found || item.effectiveFrom > found.effectiveFrom))
      found = item;
  return found;
};

/** The version of the jurisdiction's pack in effect on a date. */
export const packInEffect = (
  packs: readonly RulePack[],
  jurisdiction: Jurisdiction,
  date: string,
): RulePack | undefined => latestInEffect(packs, (p) => p.jurisdiction === jurisdiction, date);

export const agencyLimitsInEffect = (
  limits: readonly AgencyLimits[],
  creditorId: string,
  date: string,
): AgencyLimits | undefined => latestInEffect(limits, (l) => l.creditorId === creditorId, date);
