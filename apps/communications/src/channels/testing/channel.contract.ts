import { randomUUID } from 'node:crypto';
import { WebhookRejected, type Channel, type WebhookRequest } from '../channel.port';

/** One provider adapter with the local server it talks to. */
export type ChannelHarness = Readonly<{
  channel: Channel;
  recipient: string;
  /** What the provider's server accepted for delivery, as raw text per message. */
  received: () => readonly { to: string; content: string }[];
  deliveredWebhook: (providerMessageId: string) => WebhookRequest;
  forgedWebhook: (providerMessageId: string) => WebhookRequest;
  stop: () => Promise<void>;
}>;

/** The behaviour every channel adapter must have, run against each adapter's local provider. */
export const channelContract = (name: string, create: () => Promise<ChannelHarness>): void =>
  describe(`Channel contract: ${name}`, () => {
    let h: ChannelHarness;
    beforeAll(async () => {
      h = await create();
    });
    afterAll(() => h?.stop());

    const message = (text: string) => ({
      messageId: randomUUID(),
      to: h.recipient,
      subject: 'Reminder',
      text,
    });

    it('hands the text to the provider for the recipient', async () => {
      const before = h.received().length;
      const receipt = await h.channel.send(message('Your balance is USD 12.34. Reply STOP to opt out.'));
      expect(receipt.providerMessageId).toEqual(expect.any(String));
      const got = h.received().slice(before);
      expect(got).toHaveLength(1);
      expect(got[0].to).toBe(h.recipient);
      expect(got[0].content).toContain('Your balance is USD 12.34. Reply STOP to opt out.');
    });

    it('answers a retry of the same message with the same provider message id', async () => {
      const first = message('Retry me. Reply STOP to opt out.');
      const a = await h.channel.send(first);
      const b = await h.channel.send(first);
      expect(b.providerMessageId).toBe(a.providerMessageId);
    });

    it('reads a signed delivery webhook as delivered for the sent message', async () => {
      const { providerMessageId } = await h.channel.send(message('Track me. Reply STOP to opt out.'));
      expect(h.channel.parseWebhook(h.deliveredWebhook(providerMessageId))).toEqual([
        { kind: 'status', providerMessageId, status: 'delivered' },
      ]);
    });

    it('rejects a webhook whose signature is not the provider’s', async () => {
      const { providerMessageId } = await h.channel.send(message('Forge me. Reply STOP to opt out.'));
      expect(() => h.channel.parseWebhook(h.forgedWebhook(providerMessageId))).toThrow(WebhookRejected);
    });
  });
