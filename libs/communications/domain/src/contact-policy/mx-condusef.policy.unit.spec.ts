import { decideContactPolicy } from './decide-contact-policy';
import { at, mxInput, type PolicyRow } from './contact-policy.fixtures';

const HOURS = 'CONDUSEF, Disposiciones … despachos de cobranza (7:00 a 22:00, zona horaria del deudor)';
const THIRD_PARTIES =
  'CONDUSEF, Disposiciones … despachos de cobranza (deudor, obligados solidarios, avales)';
const V = 'mx-condusef/2014-10-01';
const TIJUANA = { kind: 'phone', number: '+526641234567' } as const;

const rows: PolicyRow[] = [
  {
    case: 'allows 07:00 in Mexico City',
    source: HOURS,
    given: { now: at('2025-03-04T13:00:00Z') },
    expected: { verdict: 'allow', ruleId: 'mx-condusef.allowed', packVersion: V },
  },
  {
    case: 'reschedules 06:59:59 to 07:00',
    source: HOURS,
    given: { now: at('2025-03-04T12:59:59Z') },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-04T13:00:00Z',
      ruleId: 'mx-condusef.hours',
      packVersion: V,
    },
  },
  {
    case: 'allows 22:00:00',
    source: HOURS,
    given: { now: at('2025-03-05T04:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: '22:00:01 waits for the next morning',
    source: HOURS,
    given: { now: at('2025-03-05T04:00:01Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-05T13:00:00Z' },
  },
  {
    case: 'Sundays are not excluded',
    source: HOURS,
    given: { now: at('2025-03-09T16:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'Tijuana changes to daylight time with the US: 07:00 PDT is 14:00Z',
    source: HOURS,
    given: { contactPoints: [TIJUANA], now: at('2025-03-09T13:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-09T14:00:00Z' },
  },
  {
    case: 'Mexico City no longer changes: 07:00 CST on the same day is 13:00Z',
    source: HOURS,
    given: { now: at('2025-04-06T12:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-04-06T13:00:00Z' },
  },
  {
    case: 'a Tijuana phone and a CDMX address: 07:00 Tijuana to 22:00 CDMX',
    source: HOURS,
    given: {
      contactPoints: [TIJUANA, { kind: 'address', country: 'MX', region: 'CMX' }],
      now: at('2025-01-15T14:00:00Z'),
    },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-01-15T15:00:00Z' },
  },
  {
    case: 'Cancún is an hour ahead of Mexico City',
    source: HOURS,
    given: { contactPoints: [{ kind: 'phone', number: '+529981234567' }], now: at('2025-03-04T12:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'third parties are not contacted',
    source: THIRD_PARTIES,
    given: { recipient: 'third_party' },
    expected: { verdict: 'block', reason: 'recipient_not_permitted', ruleId: 'mx-condusef.third-parties' },
  },
  {
    case: 'guarantors (avales) may be',
    source: THIRD_PARTIES,
    given: { recipient: 'guarantor' },
    expected: { verdict: 'allow' },
  },
  {
    case: 'co-obligors (obligados solidarios) may be',
    source: THIRD_PARTIES,
    given: { recipient: 'co_obligor' },
    expected: { verdict: 'allow' },
  },
  {
    case: 'a hold blocks',
    source: 'case-management hold',
    given: {
      holds: [
        { holdId: 'h1', reason: 'dispute', accountIds: ['debt-1'], placedAt: at('2025-03-01T00:00:00Z') },
      ],
    },
    expected: { verdict: 'block', reason: 'hold_active', ruleId: 'mx-condusef.hold' },
  },
];

describe('contact policy — Mexico, CONDUSEF despachos de cobranza', () => {
  it.each(rows)('$case ($source)', ({ given, expected }) =>
    expect(decideContactPolicy(mxInput(given))).toMatchObject(expected),
  );
});
