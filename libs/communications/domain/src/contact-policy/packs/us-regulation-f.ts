import type { RulePack } from '../rule-pack';

const REG_F = '12 CFR part 1006 (Regulation F, FDCPA)';
const EVERY_DAY = { from: '08:00', to: '21:00' } as const;

/** US Regulation F as in force since 30 November 2021. */
export const US_REGULATION_F: RulePack = {
  id: 'us-reg-f',
  version: '2021-11-30',
  jurisdiction: 'US',
  effectiveFrom: '2021-11-30',
  citation: REG_F,
  defaultTimeZones: [],
  holds: {
    id: 'us-reg-f.hold',
    citation: 'Case-management hold; 12 CFR 1006.34(c)(4) disputes, 1006.14 (harassment)',
    byReason: {
      cease_and_desist: { id: 'us-reg-f.cease-communication', citation: '12 CFR 1006.6(c)(1)' },
      attorney_representation: { id: 'us-reg-f.attorney-represented', citation: '12 CFR 1006.6(b)(2)' },
    },
  },
  recipients: {
    id: 'us-reg-f.third-party',
    citation: '12 CFR 1006.6(d)(1) (communications with third parties); 1006.2(e) consumer',
    allowed: ['debtor', 'co_obligor', 'guarantor'],
  },
  optOut: { id: 'us-reg-f.opted-out', citation: '12 CFR 1006.14(h)(1); 1006.6(e)' },
  optOutNotice: { id: 'us-reg-f.opt-out-notice', citation: '12 CFR 1006.6(e)' },
  emailProvenance: {
    id: 'us-reg-f.email-provenance',
    citation: '12 CFR 1006.6(d)(3)-(4) (procedures for email addresses)',
    accepted: ['debtor_provided', 'debtor_used_to_communicate', 'creditor_provided_with_notice'],
  },
  zoneUnknown: { id: 'us-reg-f.location-unknown', citation: '12 CFR 1006.6(b)(1)(i), comment 6(b)(1)(i)-1' },
  hours: [
    {
      id: 'us-reg-f.inconvenient-time',
      citation: '12 CFR 1006.6(b)(1)(i) (before 8:00 a.m. or after 9:00 p.m. local time)',
      channels: ['call', 'sms', 'email', 'whatsapp', 'visit'],
      windows: {
        1: EVERY_DAY,
        2: EVERY_DAY,
        3: EVERY_DAY,
        4: EVERY_DAY,
        5: EVERY_DAY,
        6: EVERY_DAY,
        7: EVERY_DAY,
      },
    },
  ],
  caps: [
    {
      id: 'us-reg-f.call-frequency',
      citation: '12 CFR 1006.14(b)(2)(i)(A) (more than seven calls within seven consecutive days)',
      channels: ['call'],
      per: 'debt',
      counts: 'attempts',
      max: 7,
      window: { days: 7 },
    },
  ],
  quietPeriods: [
    {
      id: 'us-reg-f.after-conversation',
      citation: '12 CFR 1006.14(b)(2)(i)(B); comment 14(b)(2)(i)(B)-1 (conversation day is day one)',
      channels: ['call'],
      per: 'debt',
      conversationChannels: ['call'],
      days: 7,
    },
  ],
};
