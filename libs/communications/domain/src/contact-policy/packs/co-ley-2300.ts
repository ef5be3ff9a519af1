import type { RulePack } from '../rule-pack';

const LEY_2300 = 'Ley 2300 de 2023 (Colombia), "dejen de fregar"';
const WEEKDAY = { from: '07:00', to: '19:00' } as const;

/** Colombia's Ley 2300 de 2023, in force three months after its promulgation (10 October 2023). */
export const CO_LEY_2300: RulePack = {
  id: 'co-ley-2300',
  version: '2023-10-10',
  jurisdiction: 'CO',
  effectiveFrom: '2023-10-10',
  citation: LEY_2300,
  defaultTimeZones: ['America/Bogota'],
  holds: { id: 'co-ley-2300.hold', citation: 'Case-management hold (agency policy)' },
  recipients: {
    id: 'co-ley-2300.personal-references',
    citation: 'Ley 2300 de 2023, art. 3 (no contact with personal references)',
    allowed: ['debtor', 'co_obligor', 'guarantor'],
  },
  forbiddenChannels: {
    id: 'co-ley-2300.no-visits',
    citation: 'Ley 2300 de 2023, art. 3',
    channels: ['visit'],
  },
  optOut: { id: 'co-ley-2300.authorisation-revoked', citation: 'Ley 2300 de 2023, art. 2' },
  channelAuthorisation: {
    id: 'co-ley-2300.authorised-channels',
    citation: 'Ley 2300 de 2023, art. 2 (only channels the consumer authorised)',
  },
  zoneUnknown: { id: 'co-ley-2300.zone', citation: 'Ley 2300 de 2023, art. 3' },
  hours: [
    {
      id: 'co-ley-2300.hours',
      citation:
        'Ley 2300 de 2023, art. 3 (Mon–Fri 7:00 a.m.–7:00 p.m., Sat 8:00 a.m.–3:00 p.m., no Sundays or festivos)',
      channels: ['call', 'sms', 'email', 'whatsapp', 'visit'],
      windows: {
        1: WEEKDAY,
        2: WEEKDAY,
        3: WEEKDAY,
        4: WEEKDAY,
        5: WEEKDAY,
        6: { from: '08:00', to: '15:00' },
      },
      closedOnHolidaysOf: 'CO',
    },
  ],
  caps: [
    {
      id: 'co-ley-2300.once-a-day',
      citation: 'Ley 2300 de 2023, art. 3 (after direct contact, not more than once on the same day)',
      channels: ['call', 'sms', 'email', 'whatsapp'],
      per: 'debtor',
      counts: 'attempts',
      max: 1,
      window: { days: 1 },
      afterDirectContact: true,
    },
    {
      id: 'co-ley-2300.one-channel-a-week',
      citation:
        'Ley 2300 de 2023, art. 3 (after direct contact, not through several channels in the same week)',
      channels: ['call', 'sms', 'email', 'whatsapp'],
      per: 'debtor',
      counts: 'channels',
      max: 1,
      window: 'calendar_week',
      afterDirectContact: true,
    },
  ],
  quietPeriods: [],
};
