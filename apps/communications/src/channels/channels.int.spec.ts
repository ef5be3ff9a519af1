import { randomBytes } from 'node:crypto';
import { mailgunSignature } from './mailgun-signature';
import { SmtpEmailChannel } from './smtp-email.channel';
import { channelContract } from './testing/channel.contract';
import { FakeTwilio } from './testing/fake-twilio.server';
import { TestSmtpServer } from './testing/test-smtp.server';
import { TwilioSmsChannel } from './twilio-sms.channel';

const STATUS_URL = 'https://comms.example/webhooks/twilio/status';

const mailgunEvent = (key: string, messageId: string, event: string) => {
  const timestamp = '1733356800';
  const token = randomBytes(25).toString('hex');
  return {
    url: 'https://comms.example/webhooks/email',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      signature: { timestamp, token, signature: mailgunSignature(key, timestamp, token) },
      'event-data': { event, message: { headers: { 'message-id': messageId.replace(/^<|>$/g, '') } } },
    }),
  };
};

channelContract('email via SMTP (nodemailer → smtp-server)', async () => {
  const smtp = await new TestSmtpServer().start();
  const channel = new SmtpEmailChannel({
    host: '127.0.0.1',
    port: smtp.port,
    from: 'Cartera <notices@cartera.example>',
    messageIdDomain: 'cartera.example',
    webhookSigningKey: 'email-key',
  });
  return {
    channel,
    recipient: 'debtor@example.com',
    received: () => smtp.received.map((m) => ({ to: m.to[0], content: m.raw })),
    deliveredWebhook: (id) => mailgunEvent('email-key', id, 'delivered'),
    forgedWebhook: (id) => mailgunEvent('not-the-key', id, 'delivered'),
    stop: async () => {
      channel.close();
      await smtp.stop();
    },
  };
});

channelContract('SMS via Twilio Messages API', async () => {
  const twilio = await new FakeTwilio('AC' + 'a'.repeat(32), 'auth-token').start();
  const channel = new TwilioSmsChannel({
    baseUrl: twilio.baseUrl,
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+15005550006',
    statusCallbackUrl: STATUS_URL,
  });
  return {
    channel,
    recipient: '+12125550100',
    received: () => twilio.messages.map((m) => ({ to: m.to, content: m.body })),
    deliveredWebhook: (sid) => twilio.statusWebhook(STATUS_URL, sid, 'delivered'),
    forgedWebhook: (sid) => twilio.statusWebhook(STATUS_URL, sid, 'delivered', 'wrong-token'),
    stop: () => twilio.stop(),
  };
});

describe('email over SMTP', () => {
  let smtp: TestSmtpServer;
  let channel: SmtpEmailChannel;
  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    channel = new SmtpEmailChannel({
      host: '127.0.0.1',
      port: smtp.port,
      from: 'Cartera <notices@cartera.example>',
      messageIdDomain: 'cartera.example',
      webhookSigningKey: 'k',
    });
  });
  afterAll(async () => {
    channel.close();
    await smtp.stop();
  });

  it('sends subject, sender and a Message-ID derived from the message id', async () => {
    await channel.send({
      messageId: 'msg-1',
      to: 'ana@example.com',
      subject: 'Payment reminder',
      text: 'Hello Ana',
    });
    const mail = smtp.received.at(-1);
    expect(mail?.from).toBe('notices@cartera.example');
    expect(mail?.raw).toMatch(/^Subject: Payment reminder\r$/m);
    expect(mail?.raw).toMatch(/^Message-ID: <msg-1@cartera\.example>\r$/im);
    expect(mail?.raw).toContain('Hello Ana');
  });

  it('reads a bounce as failed with its reason', () => {
    const event = mailgunEvent('k', '<msg-1@cartera.example>', 'failed');
    const body = JSON.parse(event.body);
    body['event-data'].reason = 'bounce';
    expect(channel.parseWebhook({ ...event, body: JSON.stringify(body) })).toEqual([
      { kind: 'status', providerMessageId: '<msg-1@cartera.example>', status: 'failed', reason: 'bounce' },
    ]);
  });
});

describe('SMS via Twilio', () => {
  let twilio: FakeTwilio;
  let channel: TwilioSmsChannel;
  beforeAll(async () => {
    twilio = await new FakeTwilio('AC' + 'b'.repeat(32), 'secret').start();
    channel = new TwilioSmsChannel({
      baseUrl: twilio.baseUrl,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+15005550006',
      statusCallbackUrl: STATUS_URL,
    });
  });
  afterAll(() => twilio.stop());

  it('sends once per idempotency token, with the status callback', async () => {
    const message = { messageId: 'msg-7', to: '+12125550100', text: 'Hi. Reply STOP to opt out.' };
    await channel.send(message);
    await channel.send(message);
    expect(twilio.messages.filter((m) => m.body === message.text)).toEqual([
      expect.objectContaining({ to: '+12125550100', from: '+15005550006', statusCallback: STATUS_URL }),
    ]);
  });

  it('fails loudly on a refused request', async () => {
    const wrong = new TwilioSmsChannel({
      baseUrl: twilio.baseUrl,
      accountSid: twilio.accountSid,
      authToken: 'nope',
      from: '+1',
    });
    await expect(wrong.send({ messageId: 'm', to: '+12125550100', text: 'x' })).rejects.toThrow(
      /Twilio 401: 20003/,
    );
  });

  it('reads undelivered as failed with the error code, and an inbound message as a reply', () => {
    const failed = twilio.webhook(STATUS_URL, {
      MessageSid: 'SM1',
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(channel.parseWebhook(failed)).toEqual([
      { kind: 'status', providerMessageId: 'SM1', status: 'failed', reason: 'twilio error 30003' },
    ]);
    const inbound = twilio.inboundWebhook(
      'https://comms.example/webhooks/twilio/inbound',
      '+12125550100',
      'STOP',
    );
    expect(channel.parseWebhook(inbound)).toEqual([
      expect.objectContaining({ kind: 'reply', from: '+12125550100', text: 'STOP' }),
    ]);
  });

  it('rejects a webhook signed for another URL', () => {
    const signed = twilio.statusWebhook(STATUS_URL, 'SM1', 'delivered');
    expect(() => channel.parseWebhook({ ...signed, url: 'https://evil.example/status' })).toThrow(
      /X-Twilio-Signature/,
    );
  });
});
