import type { Event } from '@cartera/decider';
import type { BlockReason } from '../contact-policy/contact-decision';
import type { ContactChannel } from '../contact-policy/contact-policy.types';

/** A message was asked for (by a strategy step or an agent); the address and text stay out of events. */
export type MessageRequested = Event<
  'MessageRequested',
  {
    messageId: string;
    debtorId: string;
    creditorId: string;
    channel: ContactChannel;
    debtIds: string[];
    templateId: string;
    requestedAt: string;
  }
>;

/** The contact policy's answer, whatever it was: the evidence of every contact and non-contact. */
export type ContactPolicyDecided = Event<
  'ContactPolicyDecided',
  {
    verdict: 'allow' | 'block' | 'reschedule';
    ruleId: string;
    packVersion: string;
    citation: string;
    reason?: BlockReason;
    nextAllowedSlot?: string;
    decidedAt: string;
  }
>;

export type MessageBlocked = Event<
  'MessageBlocked',
  { reason: BlockReason; ruleId: string; packVersion: string }
>;

export type MessageRescheduled = Event<
  'MessageRescheduled',
  { nextAllowedSlot: string; ruleId: string; packVersion: string }
>;

/** Who a contact reached and about what: the contact history counts attempts and conversations by these. */
export type ContactFacts = { debtorId: string; channel: ContactChannel; debtIds: string[] };

/** Handed to the provider; the rendered text is kept only as its SHA-256, with the template version. */
export type MessageSent = Event<
  'MessageSent',
  ContactFacts & {
    provider: string;
    providerMessageId: string;
    templateId: string;
    templateVersion: number;
    locale: string;
    sha256: string;
    sentAt: string;
  }
>;

export type MessageDelivered = Event<'MessageDelivered', { deliveredAt: string }>;
export type MessageFailed = Event<'MessageFailed', { reason: string; failedAt: string }>;

/** The debtor answered; a recognised opt-out ("STOP", "BAJA") is flagged for the consent record. */
export type MessageReplied = Event<'MessageReplied', ContactFacts & { repliedAt: string; optOut: boolean }>;

export type MessageEvent =
  | MessageRequested
  | ContactPolicyDecided
  | MessageBlocked
  | MessageRescheduled
  | MessageSent
  | MessageDelivered
  | MessageFailed
  | MessageReplied;
