import type { ContactChannel } from '@cartera/communications-domain';

/** A message ready to leave: rendered, decided, addressed. `messageId` is the idempotency key. */
export type OutboundMessage = Readonly<{
  messageId: string;
  to: string;
  subject?: string;
  text: string;
}>;

export type SendReceipt = Readonly<{ providerMessageId: string }>;

/** What a provider tells us later about a message, or a reply from the debtor. */
export type ChannelUpdate =
  | Readonly<{
      kind: 'status';
      providerMessageId: string;
      status: 'queued' | 'sent' | 'delivered' | 'failed';
      reason?: string;
    }>
  | Readonly<{ kind: 'reply'; providerMessageId: string; from: string; text: string }>;

/** A provider webhook as it arrived: the full public URL (signatures cover it), headers and raw body. */
export type WebhookRequest = Readonly<{
  url: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}>;

/** The webhook is not from the provider (bad or missing signature) or not in its format. */
export class WebhookRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookRejected';
  }
}

/** One port for every provider; each provider is one file implementing it. */
export interface Channel {
  readonly channel: ContactChannel;
  readonly provider: string;
  /** Sends once per `messageId`: a retry after a timeout must not send the message twice. */
  send(message: OutboundMessage): Promise<SendReceipt>;
  /** Verifies and reads a delivery-status or inbound webhook; throws WebhookRejected. */
  parseWebhook(request: WebhookRequest): ChannelUpdate[];
}
