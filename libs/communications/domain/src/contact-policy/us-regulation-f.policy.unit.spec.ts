import { decideContactPolicy } from './decide-contact-policy';
import {
  at,
  attempt,
  calls,
  consent,
  conversation,
  history,
  usInput,
  type PolicyRow,
} from './contact-policy.fixtures';

const HOURS = '12 CFR 1006.6(b)(1)(i)';
const SEVEN_IN_SEVEN = '12 CFR 1006.14(b)(2)(i)(A)';
const AFTER_CONVERSATION = '12 CFR 1006.14(b)(2)(i)(B); comment 14(b)(2)(i)(B)-1';
const MULTI_DEBT = 'comment 14(b)(4)-1.ii (a conversation about several debts counts for each)';
const V = 'us-reg-f/2021-11-30';
const sevenCalls = calls(
  ['debt-1'],
  ...['01', '01', '01', '02', '02', '03', '03'].map((d) => `2025-03-${d}T15:00:00Z`),
);

const rows: PolicyRow[] = [
  {
    case: 'allows 08:00 local, and names the pack',
    source: HOURS,
    given: { now: at('2025-03-04T13:00:00Z') },
    expected: { verdict: 'allow', ruleId: 'us-reg-f.allowed', packVersion: V },
  },
  {
    case: 'reschedules 07:59:59 to 08:00',
    source: HOURS,
    given: { now: at('2025-03-04T12:59:59Z') },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-04T13:00:00Z',
      ruleId: 'us-reg-f.inconvenient-time',
      packVersion: V,
    },
  },
  {
    case: 'allows 21:00:00 (not after 9 p.m.)',
    source: HOURS,
    given: { now: at('2025-03-05T02:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'reschedules 21:00:01 to the next morning',
    source: HOURS,
    given: { now: at('2025-03-05T02:00:01Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-05T13:00:00Z' },
  },
  {
    case: 'spring-forward day: 08:00 EDT is 12:00Z',
    source: HOURS,
    given: { now: at('2025-03-09T11:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-09T12:00:00Z' },
  },
  {
    case: 'fall-back day: 08:00 EST is 13:00Z',
    source: HOURS,
    given: { now: at('2025-11-02T12:30:00Z') },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-11-02T13:00:00Z' },
  },
  {
    case: 'NY phone and CA address: waits for 08:00 Pacific',
    source: `${HOURS}; comment 6(b)(1)(i)-2 (conflicting locations)`,
    given: {
      now: at('2025-03-04T14:00:00Z'),
      contactPoints: [
        { kind: 'phone', number: '+12125550100' },
        { kind: 'address', country: 'US', region: 'CA' },
      ],
    },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-04T16:00:00Z' },
  },
  {
    case: 'NY phone and CA address: stops at 21:00 Eastern',
    source: `${HOURS}; comment 6(b)(1)(i)-2`,
    given: {
      now: at('2025-03-05T02:30:00Z'),
      contactPoints: [
        { kind: 'phone', number: '+12125550100' },
        { kind: 'address', country: 'US', region: 'CA' },
      ],
    },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-05T16:00:00Z' },
  },
  {
    case: 'a state in two zones: 08:30 Eastern is 07:30 Central',
    source: HOURS,
    given: {
      now: at('2025-03-04T13:30:00Z'),
      contactPoints: [{ kind: 'address', country: 'US', region: 'FL' }],
    },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-04T14:00:00Z' },
  },
  {
    case: 'no zone can be told: blocked',
    source: 'comment 6(b)(1)(i)-1',
    given: { contactPoints: [{ kind: 'phone', number: '+19995550100' }] },
    expected: { verdict: 'block', reason: 'time_zone_unknown' },
  },
  {
    case: 'letters are not timed',
    source: HOURS,
    given: { channel: 'letter', address: 'postal-1', now: at('2025-03-04T08:00:00Z') },
    expected: { verdict: 'allow' },
  },
  {
    case: 'an 8th call in 7 days waits until the oldest leaves the window',
    source: SEVEN_IN_SEVEN,
    given: { history: history(sevenCalls) },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-08T13:00:00Z',
      ruleId: 'us-reg-f.call-frequency',
      packVersion: V,
    },
  },
  {
    case: 'six calls in 7 days allow a seventh',
    source: SEVEN_IN_SEVEN,
    given: { history: history(sevenCalls.slice(1)) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'calls about another debt do not count',
    source: `${SEVEN_IN_SEVEN} ("particular debt")`,
    given: { debtIds: ['debt-2'], history: history(sevenCalls) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'seven calls 7 days ago still fill the window',
    source: SEVEN_IN_SEVEN,
    given: { history: history(calls(['debt-1'], ...Array(7).fill('2025-02-26T15:00:00Z'))) },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-05T13:00:00Z' },
  },
  {
    case: 'seven calls 8 days ago are outside it',
    source: SEVEN_IN_SEVEN,
    given: { history: history(calls(['debt-1'], ...Array(7).fill('2025-02-25T15:00:00Z'))) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'text messages are not telephone calls',
    source: SEVEN_IN_SEVEN,
    given: { channel: 'sms', history: history(sevenCalls) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'no call within 7 days of a conversation (its day is day one)',
    source: AFTER_CONVERSATION,
    given: { history: history([], [conversation('2025-02-26T15:00:00Z')]) },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-05T13:00:00Z',
      ruleId: 'us-reg-f.after-conversation',
    },
  },
  {
    case: 'a conversation 7 days before no longer restricts',
    source: AFTER_CONVERSATION,
    given: { history: history([], [conversation('2025-02-25T15:00:00Z')]) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'a conversation about two debts restricts calls about either',
    source: MULTI_DEBT,
    given: {
      debtIds: ['debt-2'],
      history: history([], [conversation('2025-03-01T15:00:00Z', ['debt-1', 'debt-2'])]),
    },
    expected: { verdict: 'reschedule', nextAllowedSlot: '2025-03-08T13:00:00Z' },
  },
  {
    case: 'a conversation about one debt leaves calls about another',
    source: MULTI_DEBT,
    given: { debtIds: ['debt-2'], history: history([], [conversation('2025-03-01T15:00:00Z')]) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'electronic messages must carry an opt-out',
    source: '12 CFR 1006.6(e)',
    given: { channel: 'sms', carriesOptOut: false },
    expected: { verdict: 'block', reason: 'opt_out_notice_missing', ruleId: 'us-reg-f.opt-out-notice' },
  },
  {
    case: 'no text after an opt-out',
    source: '12 CFR 1006.14(h)(1); 1006.6(e)',
    given: { channel: 'sms', consents: [consent('sms', '+12125550100', 'revoked')] },
    expected: { verdict: 'block', reason: 'opted_out', ruleId: 'us-reg-f.opted-out', packVersion: V },
  },
  {
    case: 'an opt-out of the whole channel covers every number',
    source: '12 CFR 1006.14(h)(1)',
    given: { channel: 'sms', consents: [consent('sms', '*', 'revoked')] },
    expected: { verdict: 'block', reason: 'opted_out' },
  },
  {
    case: 'consent given again after an opt-out',
    source: '12 CFR 1006.14(h)(1)',
    given: {
      channel: 'sms',
      consents: [
        consent('sms', '+12125550100', 'revoked'),
        consent('sms', '+12125550100', 'granted', '2025-02-01T15:00:00Z'),
      ],
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'email to a skip-traced address is blocked',
    source: '12 CFR 1006.6(d)(3)-(4)',
    given: {
      channel: 'email',
      address: 'd@example.com',
      consents: [consent('email', 'd@example.com', 'granted', undefined, 'skip_trace')],
    },
    expected: {
      verdict: 'block',
      reason: 'email_provenance_not_accepted',
      ruleId: 'us-reg-f.email-provenance',
    },
  },
  {
    case: 'email to an address the debtor gave is allowed',
    source: '12 CFR 1006.6(d)(4)(ii)',
    given: {
      channel: 'email',
      address: 'd@example.com',
      consents: [consent('email', 'd@example.com', 'granted')],
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'a dispute hold on the debt blocks',
    source: 'case-management hold',
    given: {
      holds: [
        { holdId: 'h1', reason: 'dispute', accountIds: ['debt-1'], placedAt: at('2025-03-01T00:00:00Z') },
      ],
    },
    expected: { verdict: 'block', reason: 'hold_active', ruleId: 'us-reg-f.hold' },
  },
  {
    case: 'a dispute hold on another debt does not',
    source: 'case-management hold',
    given: {
      holds: [
        { holdId: 'h1', reason: 'dispute', accountIds: ['debt-2'], placedAt: at('2025-03-01T00:00:00Z') },
      ],
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'cease-and-desist blocks every debt',
    source: '12 CFR 1006.6(c)(1)',
    given: {
      holds: [
        {
          holdId: 'h1',
          reason: 'cease_and_desist',
          accountIds: ['debt-2'],
          placedAt: at('2025-03-01T00:00:00Z'),
        },
      ],
    },
    expected: { verdict: 'block', reason: 'hold_active', ruleId: 'us-reg-f.cease-communication' },
  },
  {
    case: 'an attorney-represented debtor is not contacted',
    source: '12 CFR 1006.6(b)(2)',
    given: {
      channel: 'email',
      holds: [
        {
          holdId: 'h1',
          reason: 'attorney_representation',
          accountIds: ['debt-1'],
          placedAt: at('2025-03-01T00:00:00Z'),
        },
      ],
    },
    expected: { verdict: 'block', ruleId: 'us-reg-f.attorney-represented' },
  },
  {
    case: 'a hold past its last day no longer blocks',
    source: 'case-management hold (endsOn inclusive)',
    given: {
      holds: [
        {
          holdId: 'h1',
          reason: 'hardship',
          accountIds: ['debt-1'],
          placedAt: at('2025-02-01T00:00:00Z'),
          endsOn: '2025-03-03',
        },
      ],
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'a personal reference is a third party',
    source: '12 CFR 1006.6(d)(1)',
    given: { recipient: 'personal_reference' },
    expected: { verdict: 'block', reason: 'recipient_not_permitted', ruleId: 'us-reg-f.third-party' },
  },
  {
    case: 'a co-obligor is a consumer',
    source: '12 CFR 1006.6(a)',
    given: { recipient: 'co_obligor' },
    expected: { verdict: 'allow' },
  },
  {
    case: 'before the rule took effect there is no pack',
    source: 'Regulation F effective 2021-11-30',
    given: { now: at('2021-11-29T15:00:00Z') },
    expected: { verdict: 'block', reason: 'no_rule_pack' },
  },
  {
    case: 'a call placed later than now is not history yet',
    source: SEVEN_IN_SEVEN,
    given: { history: history([...sevenCalls.slice(1), attempt('call', '2025-03-04T16:00:00Z')]) },
    expected: { verdict: 'allow' },
  },
];

describe('contact policy — US Regulation F', () => {
  it.each(rows)('$case ($source)', ({ given, expected }) =>
    expect(decideContactPolicy(usInput(given))).toMatchObject(expected),
  );

  it('lists the rules an allow was checked against', () => {
    const decision = decideContactPolicy(usInput({}));
    expect(decision).toMatchObject({ verdict: 'allow', packVersion: V });
    expect(decision.verdict === 'allow' && decision.rulesApplied).toEqual(
      expect.arrayContaining([
        'us-reg-f.hold',
        `us-reg-f.inconvenient-time@${V}`,
        `us-reg-f.call-frequency@${V}`,
      ]),
    );
  });
});
