import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel, ChannelUpdate, OutboundMessage, SendReceipt, WebhookRequest } from './channel.port';
import { WebhookRejected } from './channel.port';
import { isValidMailgunSignature } from './mailgun-signature';

export type SmtpEmailOptions = Readonly<{
  host: string;
  port: number;
  secure?: boolean;
  auth?: Readonly<{ user: string; pass: string }>;
  from: string;
  /** Domain of our Message-IDs; also the key delivery events are matched by. */
  messageIdDomain: string;
  /** Key that signs the provider's event webhooks (Mailgun-style). */
  webhookSigningKey: string;
}>;

type MailgunEvent = Readonly<{
  signature?: { timestamp?: string; token?: string; signature?: string };
  'event-data'?: { event?: string; reason?: string; message?: { headers?: { 'message-id'?: string } } };
}>;

const EVENTS: Readonly<Record<string, 'sent' | 'delivered' | 'failed'>> = {
  accepted: 'sent',
  delivered: 'delivered',
  failed: 'failed',
  rejected: 'failed',
};

/** Email over SMTP (nodemailer); delivery events arrive on a Mailgun-style signed webhook. */
export class SmtpEmailChannel implements Channel {
  readonly channel = 'email' as const;
  readonly provider = 'smtp';
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpEmailOptions) {
    const { host, port, secure = false, auth } = options;
    this.transport = nodemailer.createTransport({ host, port, secure, ...(auth ? { auth } : {}) });
  }

  /** The Message-ID is derived from our message id: a resent retry is recognisable downstream. */
  async send(message: OutboundMessage): Promise<SendReceipt> {
    const messageId = `<${message.messageId}@${this.options.messageIdDomain}>`;
    await this.transport.sendMail({
      from: this.options.from,
      to: message.to,
      subject: message.subject ?? '',
      text: message.text,
      messageId,
    });
    return { providerMessageId: messageId };
  }

  parseWebhook(request: WebhookRequest): ChannelUpdate[] {
    let event: MailgunEvent;
    try {
      event = JSON.parse(request.body) as MailgunEvent;
    } catch {
      throw new WebhookRejected('body is not JSON');
    }
    if (!isValidMailgunSignature(this.options.webhookSigningKey, event.signature))
      throw new WebhookRejected('invalid webhook signature');
    const data = event['event-data'];
    const status = data?.event ? EVENTS[data.event] : undefined;
    const id = data?.message?.headers?.['message-id'];
    if (!status || !id) return [];
    const providerMessageId = id.startsWith('<') ? id : `<${id}>`;
    return [{ kind: 'status', providerMessageId, status, ...(data?.reason ? { reason: data.reason } : {}) }];
  }

  close(): void {
    this.transport.close();
  }
}
