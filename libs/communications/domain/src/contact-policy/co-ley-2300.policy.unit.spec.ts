import { decideContactPolicy } from './decide-contact-policy';
import {
  at,
  attempt,
  coInput,
  consent,
  conversation,
  history,
  type PolicyRow,
} from './contact-policy.fixtures';

const ART_2 = 'Ley 2300 de 2023, art. 2';
const ART_3 = 'Ley 2300 de 2023, art. 3';
const EMILIANI = 'Ley 51 de 1983 (Emiliani), via date-holidays CO';
const V = 'co-ley-2300/2023-10-10';
const PHONE = '+573001234567';
const talked = history([], [conversation('2025-02-27T15:00:00Z')]);

const rows: PolicyRow[] = [
  {
    case: 'allows Monday 07:00',
    source: ART_3,
    given: { now: at('2025-03-03T12:00:00Z') },
    expected: { verdict: 'allow', ruleId: 'co-ley-2300.allowed', packVersion: V },
  },
  {
    case: 'reschedules Monday 06:59:59 to 07:00',
    source: ART_3,
    given: { now: at('2025-03-03T11:59:59Z') },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-03T12:00:00Z',
      ruleId: 'co-ley-2300.hours',
      packVersion: V,
    },
  },
  {
    case: 'allows Friday 19:00:00',
    source: ART_3,
    given: { now: at('2025-03-08T00:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'Friday 19:00:01 waits for Saturday 08:00',
    source: ART_3,
    given: { now: at('2025-03-08T00:00:01Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-08T13:00:00Z' },
  },
  {
    case: 'Saturday 07:30 waits for 08:00',
    source: ART_3,
    given: { now: at('2025-03-08T12:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-08T13:00:00Z' },
  },
  {
    case: 'allows Saturday 15:00:00',
    source: ART_3,
    given: { now: at('2025-03-08T20:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'Saturday 15:00:01 waits for Monday 07:00',
    source: ART_3,
    given: { now: at('2025-03-08T20:00:01Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-10T12:00:00Z' },
  },
  {
    case: 'never on Sundays',
    source: ART_3,
    given: { now: at('2025-03-09T15:00:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-10T12:00:00Z' },
  },
  {
    case: 'San José moved to Monday 24 March is a festivo',
    source: `${ART_3}; ${EMILIANI}`,
    given: { now: at('2025-03-24T15:00:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-25T12:00:00Z' },
  },
  {
    case: 'its calendar date, Wednesday 19 March, is a working day',
    source: EMILIANI,
    given: { now: at('2025-03-19T15:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'Holy Thursday and Good Friday wait for Saturday',
    source: ART_3,
    given: { now: at('2025-04-17T15:00:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-04-19T13:00:00Z' },
  },
  {
    case: 'a festivo Monday after a weekend: Saturday 15:30 waits for Tuesday',
    source: ART_3,
    given: { now: at('2025-03-22T20:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-25T12:00:00Z' },
  },
  {
    case: 'text messages keep the same hours',
    source: ART_3,
    given: { channel: 'sms', consents: [consent('sms', PHONE, 'granted')], now: at('2025-03-09T15:00:00Z') },
    expected: { verdict: 'reschedule', ruleId: 'co-ley-2300.hours' },
  },
  {
    case: 'a channel the debtor never authorised is blocked',
    source: ART_2,
    given: { consents: [] },
    expected: {
      verdict: 'block',
      reason: 'channel_not_authorised',
      ruleId: 'co-ley-2300.authorised-channels',
    },
  },
  {
    case: 'authorising SMS does not authorise calls',
    source: ART_2,
    given: { consents: [consent('sms', PHONE, 'granted')] },
    expected: { verdict: 'block', reason: 'channel_not_authorised' },
  },
  {
    case: 'an authorisation withdrawn blocks',
    source: ART_2,
    given: {
      consents: [
        consent('call', PHONE, 'granted'),
        consent('call', PHONE, 'revoked', '2025-02-01T15:00:00Z'),
      ],
    },
    expected: {
      verdict: 'block',
      reason: 'opted_out',
      ruleId: 'co-ley-2300.authorisation-revoked',
      packVersion: V,
    },
  },
  {
    case: 'personal references are never contacted',
    source: ART_3,
    given: { recipient: 'personal_reference' },
    expected: { verdict: 'block', reason: 'recipient_not_permitted' },
  },
  {
    case: 'guarantors may be contacted, within the hours',
    source: ART_3,
    given: { recipient: 'guarantor' },
    expected: { verdict: 'allow' },
  },
  {
    case: 'no visits',
    source: ART_3,
    given: { channel: 'visit', consents: [consent('visit', 'home', 'granted')], address: 'home' },
    expected: { verdict: 'block', reason: 'channel_forbidden' },
  },
  {
    case: 'after direct contact, once a day',
    source: ART_3,
    given: { history: history([attempt('call', '2025-03-04T13:00:00Z')], talked.conversations) },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-05T12:00:00Z',
      ruleId: 'co-ley-2300.once-a-day',
    },
  },
  {
    case: 'before any direct contact, a second attempt the same day is allowed',
    source: ART_3,
    given: { history: history([attempt('call', '2025-03-04T13:00:00Z')]) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'after direct contact, one channel a week: a call after a text waits for Monday',
    source: ART_3,
    given: {
      now: at('2025-03-05T15:00:00Z'),
      history: history([attempt('sms', '2025-03-03T15:00:00Z')], talked.conversations),
    },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-10T12:00:00Z',
      ruleId: 'co-ley-2300.one-channel-a-week',
    },
  },
  {
    case: 'the same channel again later in the week is allowed',
    source: ART_3,
    given: {
      now: at('2025-03-05T15:00:00Z'),
      history: history([attempt('call', '2025-03-03T15:00:00Z')], talked.conversations),
    },
    expected: { verdict: 'allow' },
  },
  {
    case: "last week's channel does not count",
    source: ART_3,
    given: {
      now: at('2025-03-05T15:00:00Z'),
      history: history([attempt('sms', '2025-02-28T15:00:00Z')], talked.conversations),
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'cease-and-desist blocks',
    source: 'case-management hold',
    given: {
      holds: [
        { holdId: 'h1', reason: 'cease_and_desist', accountIds: [], placedAt: at('2025-03-01T00:00:00Z') },
      ],
    },
    expected: { verdict: 'block', reason: 'hold_active', ruleId: 'co-ley-2300.hold' },
  },
  {
    case: 'before the law was in force there is no pack',
    source: 'Ley 2300 de 2023, art. 6 (vigencia)',
    given: { now: at('2023-10-09T15:00:00Z') },
    expected: { verdict: 'block', reason: 'no_rule_pack' },
  },
];

describe('contact policy — Colombia, Ley 2300 de 2023', () => {
  it.each(rows)('$case ($source)', ({ given, expected }) =>
    expect(decideContactPolicy(coInput(given))).toMatchObject(expected),
  );
});
