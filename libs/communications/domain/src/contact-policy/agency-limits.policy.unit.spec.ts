import { decideContactPolicy } from './decide-contact-policy';
import {
  at,
  attempt,
  calls,
  conversation,
  history,
  usInput,
  type PolicyRow,
} from './contact-policy.fixtures';
import type { AgencyLimits } from './rule-pack';

const POLICY = 'agency policy for creditor acme, version 2025-01';
const ACME: AgencyLimits = {
  creditorId: 'acme',
  version: '2025-01',
  effectiveFrom: '2025-01-01',
  caps: [
    {
      id: 'agency.calls-per-debt',
      citation: POLICY,
      channels: ['call'],
      per: 'debt',
      counts: 'attempts',
      max: 3,
      window: { days: 7 },
    },
    {
      id: 'agency.attempts-per-person',
      citation: POLICY,
      channels: ['call', 'sms', 'email'],
      per: 'debtor',
      counts: 'attempts',
      max: 4,
      window: { days: 7 },
    },
  ],
  quietPeriods: [
    {
      id: 'agency.rest-after-conversation',
      citation: POLICY,
      channels: ['call', 'sms', 'email'],
      per: 'debtor',
      conversationChannels: ['call', 'sms', 'email'],
      days: 2,
    },
  ],
};
const AV = 'agency:acme/2025-01';
const threeCalls = calls(['debt-1'], '2025-03-01T15:00:00Z', '2025-03-02T15:00:00Z', '2025-03-03T15:00:00Z');

const rows: PolicyRow[] = [
  {
    case: 'stricter than the law: a 4th call in 7 days waits',
    source: POLICY,
    given: { history: history(threeCalls) },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-08T13:00:00Z',
      ruleId: 'agency.calls-per-debt',
      packVersion: AV,
    },
  },
  {
    case: 'per person across debts and channels',
    source: POLICY,
    given: {
      channel: 'sms',
      history: history([
        ...calls(['debt-2'], '2025-03-01T15:00:00Z', '2025-03-02T15:00:00Z'),
        attempt('email', '2025-03-02T16:00:00Z', ['debt-3']),
        attempt('sms', '2025-03-03T15:00:00Z', ['debt-2']),
      ]),
    },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-08T13:00:00Z',
      ruleId: 'agency.attempts-per-person',
    },
  },
  {
    case: 'two rest days after a conversation on any channel',
    source: POLICY,
    given: {
      channel: 'sms',
      history: history([], [conversation('2025-03-03T22:00:00Z', ['debt-9'], 'sms')]),
    },
    expected: {
      verdict: 'reschedule',
      nextAllowedSlot: '2025-03-05T13:00:00Z',
      ruleId: 'agency.rest-after-conversation',
    },
  },
  {
    case: "another creditor's accounts are not limited by acme's policy",
    source: POLICY,
    given: { creditorId: 'globex', history: history(threeCalls) },
    expected: { verdict: 'allow' },
  },
  {
    case: 'limits not yet in effect do not apply',
    source: POLICY,
    given: {
      now: at('2024-12-31T15:00:00Z'),
      history: history(
        calls(['debt-1'], '2024-12-29T15:00:00Z', '2024-12-30T15:00:00Z', '2024-12-30T16:00:00Z'),
      ),
    },
    expected: { verdict: 'allow' },
  },
  {
    case: 'the law still applies under agency limits',
    source: '12 CFR 1006.6(b)(1)(i)',
    given: { now: at('2025-03-04T12:00:00Z') },
    expected: {
      verdict: 'reschedule',
      ruleId: 'us-reg-f.inconvenient-time',
      packVersion: 'us-reg-f/2021-11-30',
    },
  },
];

describe('contact policy — agency limits per creditor', () => {
  it.each(rows)('$case ($source)', ({ given, expected }) =>
    expect(decideContactPolicy(usInput({ agencyLimits: [ACME], ...given }))).toMatchObject(expected),
  );

  it('an allow records the agency rules it was checked against', () => {
    const decision = decideContactPolicy(usInput({ agencyLimits: [ACME] }));
    expect(decision.verdict === 'allow' && decision.rulesApplied).toContain(`agency.calls-per-debt@${AV}`);
  });
});
