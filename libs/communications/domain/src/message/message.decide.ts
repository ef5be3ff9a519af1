import type { ContactFacts, ContactPolicyDecided, MessageEvent } from './message.events';
import type {
  MessageCommand,
  RecordDelivery,
  RecordReply,
  RecordSent,
  RequestMessage,
} from './message.commands';
import { MessageRuleViolated } from './message.errors';
import type { Message } from './message.state';
import { isOptOut } from './opt-out-words';

const decided = (c: RequestMessage): ContactPolicyDecided => {
  const d = c.data.decision;
  return {
    type: 'ContactPolicyDecided',
    data: {
      verdict: d.verdict,
      ruleId: d.ruleId,
      packVersion: d.packVersion,
      citation: d.citation,
      ...(d.verdict === 'block' ? { reason: d.reason } : {}),
      ...(d.verdict === 'reschedule' ? { nextAllowedSlot: d.nextAllowedSlot } : {}),
      decidedAt: c.data.requestedAt,
    },
  };
};

type Known = Exclude<Message, { status: 'none' }>;
const factsOf = (s: Known): ContactFacts => ({
  debtorId: s.debtorId,
  channel: s.channel,
  debtIds: s.debtIds,
});

const requestMessage = (c: RequestMessage, s: Message): MessageEvent[] => {
  if (s.status !== 'none') return [];
  const { decision, ...request } = c.data;
  const evidence = { ruleId: decision.ruleId, packVersion: decision.packVersion };
  const outcome: MessageEvent[] =
    decision.verdict === 'block'
      ? [{ type: 'MessageBlocked', data: { reason: decision.reason, ...evidence } }]
      : decision.verdict === 'reschedule'
        ? [{ type: 'MessageRescheduled', data: { nextAllowedSlot: decision.nextAllowedSlot, ...evidence } }]
        : [];
  return [{ type: 'MessageRequested', data: request }, decided(c), ...outcome];
};

const recordSent = (c: RecordSent, s: Message): MessageEvent[] => {
  if (s.status === 'none') throw new MessageRuleViolated('message_unknown');
  if (s.status === 'sent' || s.status === 'delivered' || s.status === 'failed') return [];
  if (s.status !== 'allowed') throw new MessageRuleViolated('not_allowed');
  return [{ type: 'MessageSent', data: { ...factsOf(s), ...c.data } }];
};

const recordDelivery = (c: RecordDelivery, s: Message): MessageEvent[] => {
  if (s.status === 'none') throw new MessageRuleViolated('message_unknown');
  if (s.status === 'delivered' || (s.status === 'failed' && c.data.status === 'failed')) return [];
  if (c.data.status === 'delivered') return [{ type: 'MessageDelivered', data: { deliveredAt: c.data.at } }];
  return [{ type: 'MessageFailed', data: { reason: c.data.reason ?? 'failed', failedAt: c.data.at } }];
};

const recordReply = (c: RecordReply, s: Message): MessageEvent[] => {
  if (s.status === 'none') throw new MessageRuleViolated('message_unknown');
  return [
    { type: 'MessageReplied', data: { ...factsOf(s), repliedAt: c.data.at, optOut: isOptOut(c.data.text) } },
  ];
};

export const decide = (command: MessageCommand, state: Message): MessageEvent[] => {
  switch (command.type) {
    case 'RequestMessage':
      return requestMessage(command, state);
    case 'RecordSent':
      return recordSent(command, state);
    case 'RecordDelivery':
      return recordDelivery(command, state);
    case 'RecordReply':
      return recordReply(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled ${(unknown as MessageCommand).type}`);
    }
  }
};
