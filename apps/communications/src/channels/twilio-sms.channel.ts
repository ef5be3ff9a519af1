import type { Channel, ChannelUpdate, OutboundMessage, SendReceipt, WebhookRequest } from './channel.port';
import { WebhookRejected } from './channel.port';
import { isValidTwilioSignature } from './twilio-signature';

export type TwilioSmsOptions = Readonly<{
  /** `https://api.twilio.com` in production; a local server in tests. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Public URL of our status webhook, sent as StatusCallback. */
  statusCallbackUrl?: string;
}>;

const STATUSES: Readonly<Record<string, 'queued' | 'sent' | 'delivered' | 'failed'>> = {
  accepted: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
};

/** SMS through Twilio's Messages API (2010-04-01), with its status and inbound webhooks. */
export class TwilioSmsChannel implements Channel {
  readonly channel = 'sms' as const;
  readonly provider = 'twilio';

  constructor(private readonly options: TwilioSmsOptions) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const { baseUrl, accountSid, authToken, from, statusCallbackUrl } = this.options;
    const form = new URLSearchParams({ To: message.to, From: from, Body: message.text });
    if (statusCallbackUrl) form.set('StatusCallback', statusCallbackUrl);
    const response = await fetch(`${baseUrl}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        // Twilio drops a repeated request carrying the same token, so a retry never sends twice.
        'i-twilio-idempotency-token': message.messageId,
      },
      body: form.toString(),
    });
    const body = (await response.json()) as { sid?: string; message?: string; code?: number };
    if (!response.ok || !body.sid)
      throw new Error(`Twilio ${response.status}: ${body.code ?? ''} ${body.message ?? ''}`);
    return { providerMessageId: body.sid };
  }

  parseWebhook(request: WebhookRequest): ChannelUpdate[] {
    const params = Object.fromEntries(new URLSearchParams(request.body));
    const signature = request.headers['x-twilio-signature'];
    if (!isValidTwilioSignature(this.options.authToken, request.url, params, signature))
      throw new WebhookRejected('invalid X-Twilio-Signature');
    if (!params.MessageSid) throw new WebhookRejected('MessageSid missing');
    if (params.MessageStatus) {
      const status = STATUSES[params.MessageStatus];
      if (!status) throw new WebhookRejected(`unknown MessageStatus ${params.MessageStatus}`);
      const reason = params.ErrorCode ? `twilio error ${params.ErrorCode}` : undefined;
      return [
        { kind: 'status', providerMessageId: params.MessageSid, status, ...(reason ? { reason } : {}) },
      ];
    }
    return [
      {
        kind: 'reply',
        providerMessageId: params.MessageSid,
        from: params.From ?? '',
        text: params.Body ?? '',
      },
    ];
  }
}
