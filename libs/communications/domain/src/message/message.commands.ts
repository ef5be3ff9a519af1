import type { Command } from '@cartera/decider';
import type { ContactDecision } from '../contact-policy/contact-decision';
import type { ContactChannel } from '../contact-policy/contact-policy.types';

export type RequestMessage = Command<
  'RequestMessage',
  {
    messageId: string;
    debtorId: string;
    creditorId: string;
    channel: ContactChannel;
    debtIds: string[];
    templateId: string;
    requestedAt: string;
    /** Decided by the contact policy before the command, with the same instant. */
    decision: ContactDecision;
  }
>;

export type RecordSent = Command<
  'RecordSent',
  {
    provider: string;
    providerMessageId: string;
    templateId: string;
    templateVersion: number;
    locale: string;
    sha256: string;
    sentAt: string;
  }
>;

export type RecordDelivery = Command<
  'RecordDelivery',
  { status: 'delivered' | 'failed'; at: string; reason?: string }
>;

export type RecordReply = Command<'RecordReply', { at: string; text: string }>;

export type MessageCommand = RequestMessage | RecordSent | RecordDelivery | RecordReply;
