import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '../channel.port';
import { twilioSignature } from '../twilio-signature';

export type TwilioMessage = Readonly<{
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
}>;

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

/**
 * A local server speaking Twilio's Messages API (POST …/Accounts/{sid}/Messages.json, basic auth,
 * form body, 201 JSON with the message resource) and signing webhooks the way Twilio does.
 */
export class FakeTwilio {
  readonly messages: TwilioMessage[] = [];
  private readonly byIdempotencyToken = new Map<string, string>();
  private server?: Server;
  baseUrl = '';

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const expectedPath = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (req.method !== 'POST' || req.url !== expectedPath)
      return {
        status: 404,
        body: { code: 20404, message: 'The requested resource was not found', status: 404 },
      };
    const credentials = Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64');
    if (req.headers.authorization !== `Basic ${credentials}`)
      return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
    if (!params.To || !params.From || !params.Body)
      return { status: 400, body: { code: 21604, message: "A 'To' phone number is required.", status: 400 } };
    const token = req.headers['i-twilio-idempotency-token'];
    const known = typeof token === 'string' ? this.byIdempotencyToken.get(token) : undefined;
    const sid = known ?? `SM${randomBytes(16).toString('hex')}`;
    if (!known) {
      this.messages.push({
        sid,
        to: params.To,
        from: params.From,
        body: params.Body,
        statusCallback: params.StatusCallback,
      });
      if (typeof token === 'string') this.byIdempotencyToken.set(token, sid);
    }
    return { status: 201, body: this.resource(sid, params) };
  }

  private resource(sid: string, params: Record<string, string>) {
    return {
      sid,
      account_sid: this.accountSid,
      to: params.To,
      from: params.From,
      body: params.Body,
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      num_segments: '1',
      price: null,
      error_code: null,
      error_message: null,
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}.json`,
    };
  }

  /** A webhook as Twilio would POST it to `url`, signed with the auth token (or a wrong one). */
  webhook(url: string, params: Record<string, string>, signingToken = this.authToken): WebhookRequest {
    const signed = { AccountSid: this.accountSid, ApiVersion: '2010-04-01', ...params };
    return {
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(signingToken, url, signed),
      },
      body: new URLSearchParams(signed).toString(),
    };
  }

  statusWebhook(url: string, sid: string, status: string, signingToken?: string): WebhookRequest {
    return this.webhook(
      url,
      { MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status },
      signingToken,
    );
  }

  inboundWebhook(url: string, from: string, body: string): WebhookRequest {
    return this.webhook(url, {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      From: from,
      To: '+15005550006',
      Body: body,
    });
  }
}
