import { DeciderSpecification } from '@cartera/decider';
import type { ContactDecision } from '../contact-policy/contact-decision';
import { messageDecider } from './index';
import type { RequestMessage } from './message.commands';
import { MessageRuleViolated } from './message.errors';
import type { MessageEvent } from './message.events';

const given = DeciderSpecification.for(messageDecider);
const allow: ContactDecision = {
  verdict: 'allow',
  ruleId: 'us-reg-f.allowed',
  packVersion: 'us-reg-f/2021-11-30',
  citation: '12 CFR part 1006',
  rulesApplied: [],
};
const request = (decision: ContactDecision = allow): RequestMessage => ({
  type: 'RequestMessage',
  data: {
    messageId: 'm-1',
    debtorId: 'd-1',
    creditorId: 'acme',
    channel: 'sms',
    debtIds: ['a-1'],
    templateId: 'payment-reminder',
    requestedAt: '2025-03-04T15:00:00Z',
    decision,
  },
});
const requested: MessageEvent = {
  type: 'MessageRequested',
  data: {
    messageId: 'm-1',
    debtorId: 'd-1',
    creditorId: 'acme',
    channel: 'sms',
    debtIds: ['a-1'],
    templateId: 'payment-reminder',
    requestedAt: '2025-03-04T15:00:00Z',
  },
};
const decidedAllow: MessageEvent = {
  type: 'ContactPolicyDecided',
  data: {
    verdict: 'allow',
    ruleId: 'us-reg-f.allowed',
    packVersion: 'us-reg-f/2021-11-30',
    citation: '12 CFR part 1006',
    decidedAt: '2025-03-04T15:00:00Z',
  },
};
const facts = { debtorId: 'd-1', channel: 'sms' as const, debtIds: ['a-1'] };
const sent = {
  type: 'RecordSent',
  data: {
    provider: 'twilio',
    providerMessageId: 'SM1',
    templateId: 'payment-reminder',
    templateVersion: 1,
    locale: 'en',
    sha256: 'ab',
    sentAt: '2025-03-04T15:00:01Z',
  },
} as const;

describe('message', () => {
  it('records the request and the allow decision with its rule and pack version', () =>
    given([]).when(request()).then([requested, decidedAllow]));

  it('records a block with its reason and evidence', () => {
    const block: ContactDecision = {
      verdict: 'block',
      reason: 'hold_active',
      ruleId: 'us-reg-f.hold',
      packVersion: 'us-reg-f/2021-11-30',
      citation: 'hold',
    };
    given([])
      .when(request(block))
      .then([
        requested,
        {
          type: 'ContactPolicyDecided',
          data: {
            ...decidedAllow.data,
            verdict: 'block',
            ruleId: 'us-reg-f.hold',
            citation: 'hold',
            reason: 'hold_active',
          } as never,
        },
        {
          type: 'MessageBlocked',
          data: { reason: 'hold_active', ruleId: 'us-reg-f.hold', packVersion: 'us-reg-f/2021-11-30' },
        },
      ]);
  });

  it('a repeated request decides nothing', () =>
    given([requested, decidedAllow]).when(request()).thenNothingHappened());

  it('sends an allowed message once', () => {
    given([requested, decidedAllow])
      .when(sent)
      .then([{ type: 'MessageSent', data: { ...facts, ...sent.data } }]);
    given([requested, decidedAllow, { type: 'MessageSent', data: { ...facts, ...sent.data } }])
      .when(sent)
      .thenNothingHappened();
  });

  it('refuses to send a blocked message', () =>
    given([
      requested,
      { type: 'MessageBlocked', data: { reason: 'opted_out', ruleId: 'x', packVersion: 'v' } },
    ])
      .when(sent)
      .thenThrows((e) => e instanceof MessageRuleViolated && e.code === 'not_allowed'));

  it('recognises an opt-out in a reply', () =>
    given([requested, decidedAllow])
      .when({ type: 'RecordReply', data: { at: '2025-03-04T16:00:00Z', text: ' Baja ' } })
      .then([
        { type: 'MessageReplied', data: { ...facts, repliedAt: '2025-03-04T16:00:00Z', optOut: true } },
      ]));
});
