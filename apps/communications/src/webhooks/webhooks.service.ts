import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { isOptOut, type ContactChannel } from '@cartera/communications-domain';
import { handleCommand, type EventStore } from '@cartera/eventstore';
import { messageDecider } from '@cartera/communications-domain';
import type { Pool } from 'pg';
import {
  WebhookRejected,
  type Channel,
  type ChannelUpdate,
  type WebhookRequest,
} from '../channels/channel.port';
import type { CommunicationsTables } from '../communications.schema';
import type { PolicyInputs } from '../contact-policy/policy-inputs';
import { messageStreamId } from '../messages/messages.commands';

const PROVIDER = { kind: 'service', id: 'communications.webhooks' } as const;

/**
 * Provider webhooks → the message's lifecycle: delivered, failed, replied. A reply that opts out
 * ("STOP", "BAJA") is also recorded as a revoked consent, so the policy stops the channel at once.
 */
export class WebhooksService {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly t: CommunicationsTables,
    private readonly inputs: PolicyInputs,
    private readonly clock: () => Date,
  ) {}

  async receive(channel: Channel, request: WebhookRequest): Promise<void> {
    let updates: ChannelUpdate[];
    try {
      updates = channel.parseWebhook(request);
    } catch (error) {
      if (error instanceof WebhookRejected) throw new ForbiddenException(error.message);
      throw error;
    }
    for (const update of updates) {
      if (update.kind === 'status') await this.status(channel.provider, update);
      else await this.reply(channel.channel, update);
    }
  }

  private async status(provider: string, u: Extract<ChannelUpdate, { kind: 'status' }>): Promise<void> {
    if (u.status !== 'delivered' && u.status !== 'failed') return;
    const { rows } = await this.pool.query<{ message_id: string }>(
      `SELECT message_id FROM ${this.t.providerMessages} WHERE provider = $1 AND provider_message_id = $2`,
      [provider, u.providerMessageId],
    );
    // Not indexed yet (or not ours): the provider retries the webhook.
    if (!rows[0]) throw new NotFoundException('unknown provider message');
    const at = this.clock().toISOString();
    await handleCommand(
      this.store,
      messageStreamId(rows[0].message_id),
      messageDecider,
      { type: 'RecordDelivery', data: { status: u.status, at, ...(u.reason ? { reason: u.reason } : {}) } },
      { metadata: { actor: PROVIDER } },
    );
  }

  private async reply(channel: ContactChannel, u: Extract<ChannelUpdate, { kind: 'reply' }>): Promise<void> {
    const { rows } = await this.pool.query<{ message_id: string; debtor_id: string }>(
      `SELECT pm.message_id, pm.debtor_id FROM ${this.t.providerMessages} pm
       JOIN ${this.t.contactProfiles} p ON p.debtor_id = pm.debtor_id
       WHERE pm.channel = $1 AND p.contact_points @> $2::jsonb ORDER BY pm.sent_at DESC LIMIT 1`,
      [channel, JSON.stringify([{ number: u.from }])],
    );
    if (!rows[0]) return; // a text from a number we never wrote to: nothing to attach it to
    const at = this.clock().toISOString();
    await handleCommand(
      this.store,
      messageStreamId(rows[0].message_id),
      messageDecider,
      { type: 'RecordReply', data: { at, text: u.text } },
      { metadata: { actor: PROVIDER } },
    );
    if (isOptOut(u.text))
      await this.inputs.revokeConsent(rows[0].debtor_id, channel, u.from, at, `inbound ${channel}`);
  }
}
