import type { RulePack } from '../rule-pack';

const DISPOSICIONES =
  'CONDUSEF, Disposiciones de carácter general aplicables a las entidades financieras en materia de despachos de cobranza';
const DAILY = { from: '07:00', to: '22:00' } as const;

/** Mexico: CONDUSEF's rules for collection agencies (despachos de cobranza). */
export const MX_CONDUSEF: RulePack = {
  id: 'mx-condusef',
  version: '2014-10-01',
  jurisdiction: 'MX',
  effectiveFrom: '2014-10-01',
  citation: DISPOSICIONES,
  defaultTimeZones: ['America/Mexico_City'],
  holds: { id: 'mx-condusef.hold', citation: 'Case-management hold (agency policy)' },
  recipients: {
    id: 'mx-condusef.third-parties',
    citation: `${DISPOSICIONES} (only the debtor, co-obligors and guarantors)`,
    allowed: ['debtor', 'co_obligor', 'guarantor'],
  },
  optOut: { id: 'mx-condusef.opted-out', citation: `${DISPOSICIONES}; LFPDPPP art. 8 (withdrawn consent)` },
  zoneUnknown: { id: 'mx-condusef.zone', citation: DISPOSICIONES },
  hours: [
    {
      id: 'mx-condusef.hours',
      citation: `${DISPOSICIONES} (7:00 to 22:00 in the debtor's time zone)`,
      channels: ['call', 'sms', 'email', 'whatsapp', 'visit'],
      windows: { 1: DAILY, 2: DAILY, 3: DAILY, 4: DAILY, 5: DAILY, 6: DAILY, 7: DAILY },
    },
  ],
  caps: [],
  quietPeriods: [],
};
