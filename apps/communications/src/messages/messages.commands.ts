import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  decideContactPolicy,
  messageDecider,
  type ContactChannel,
  type ContactDecision,
  type Message,
  type MessageCommand,
  type RecipientRole,
} from '@cartera/communications-domain';
import { handleCommand, type Actor as EventActor, type EventStore } from '@cartera/eventstore';
import type { Channel } from '../channels/channel.port';
import { defaultAddress, type PolicyInputs } from '../contact-policy/policy-inputs';
import { findTemplate } from '../templates/locale-fallback';
import { renderTemplate, type RenderedMessage } from '../templates/render-template';
import { TEMPLATE_CATALOG } from '../templates/template-catalog';
import { lintTemplate } from '../templates/template-lint';

export type MessageRequest = Readonly<{
  messageId: string;
  debtorId: string;
  channel: ContactChannel;
  templateId: string;
  locale?: string;
  debtIds: string[];
  address?: string;
  recipient?: RecipientRole;
  data: Record<string, unknown>;
}>;

export type MessageOutcome = Readonly<{
  messageId: string;
  changed: boolean;
  status: Exclude<Message['status'], 'none'>;
  decision?: ContactDecision;
}>;

export const messageStreamId = (messageId: string): string => `message-${messageId}`;

const unprocessable = (field: string, reason: string) =>
  new UnprocessableEntityException({ message: reason, errors: [{ field, messages: [reason] }] });

/**
 * POST /messages: render, ask the contact policy, record the decision on `message-<id>`, and when
 * allowed hand the message to its channel. A retry of the same message id decides nothing again and
 * never sends twice (the provider receives the message id as idempotency key).
 */
export class MessagesCommands {
  constructor(
    private readonly store: EventStore,
    private readonly inputs: PolicyInputs,
    private readonly channels: ReadonlyMap<ContactChannel, Channel>,
    private readonly clock: () => Date,
  ) {}

  async request(
    r: MessageRequest,
    actor: EventActor,
    creditors?: readonly string[],
  ): Promise<MessageOutcome> {
    const profile = await this.inputs.profile(r.debtorId);
    if (!profile || (creditors && !creditors.includes(profile.creditorId)))
      throw new NotFoundException(`Debtor ${r.debtorId} not found`);
    const locale = r.locale ?? profile.locale;
    const template = findTemplate(TEMPLATE_CATALOG, r.templateId, locale);
    if (!template || template.channel !== r.channel)
      throw unprocessable('templateId', `no ${r.channel} template ${r.templateId} for ${locale}`);
    const rendered = this.render(template, r.data, locale);
    const address = r.address ?? defaultAddress(profile, r.channel);
    if (!address) throw unprocessable('address', `the debtor has no ${r.channel} address`);
    const now = this.clock();
    const carriesOptOut = !lintTemplate(template).some((p) => p.rule === 'opt_out_missing');
    const input = await this.inputs.forContact(
      profile,
      {
        channel: r.channel,
        address,
        debtIds: r.debtIds,
        carriesOptOut,
        ...(r.recipient ? { recipient: r.recipient } : {}),
      },
      now,
    );
    const decision = decideContactPolicy(input);
    const metadata = { actor, creditorId: profile.creditorId };
    const requested = await this.handle(
      r.messageId,
      {
        type: 'RequestMessage',
        data: {
          messageId: r.messageId,
          debtorId: r.debtorId,
          creditorId: profile.creditorId,
          channel: r.channel,
          debtIds: r.debtIds,
          templateId: r.templateId,
          requestedAt: now.toISOString(),
          decision,
        },
      },
      metadata,
    );
    const state = requested.newState as Exclude<Message, { status: 'none' }>;
    if (state.creditorId !== profile.creditorId)
      throw new NotFoundException(`Message ${r.messageId} not found`);
    const changed = requested.newEvents.length > 0;
    // A retry of an allowed message that was never handed over is sent only if the policy still allows it now.
    if (state.status !== 'allowed' || decision.verdict !== 'allow')
      return { messageId: r.messageId, changed, status: state.status, ...(changed ? { decision } : {}) };
    const status = await this.dispatch(r, address, rendered, metadata);
    return { messageId: r.messageId, changed: true, status, decision };
  }

  private render(
    template: Parameters<typeof renderTemplate>[0],
    data: Record<string, unknown>,
    locale: string,
  ) {
    try {
      return renderTemplate(template, data, locale);
    } catch (error) {
      throw unprocessable('data', (error as Error).message.split('\n')[0]);
    }
  }

  private async dispatch(
    r: MessageRequest,
    address: string,
    rendered: RenderedMessage,
    metadata: { actor: EventActor; creditorId: string },
  ): Promise<MessageOutcome['status']> {
    const channel = this.channels.get(r.channel);
    const at = () => this.clock().toISOString();
    const fail = async (reason: string) =>
      (
        await this.handle(
          r.messageId,
          { type: 'RecordDelivery', data: { status: 'failed', at: at(), reason } },
          metadata,
        )
      ).newState.status as MessageOutcome['status'];
    if (!channel) return fail(`no provider configured for ${r.channel}`);
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await channel.send({
        messageId: r.messageId,
        to: address,
        text: rendered.text,
        ...(rendered.subject ? { subject: rendered.subject } : {}),
      }));
    } catch (error) {
      return fail(`provider refused: ${(error as Error).message.slice(0, 200)}`);
    }
    const sent = await this.handle(
      r.messageId,
      {
        type: 'RecordSent',
        data: {
          provider: channel.provider,
          providerMessageId,
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
          locale: rendered.locale,
          sha256: rendered.sha256,
          sentAt: at(),
        },
      },
      metadata,
    );
    return sent.newState.status as MessageOutcome['status'];
  }

  private handle(
    messageId: string,
    command: MessageCommand,
    metadata: { actor: EventActor; creditorId: string },
  ) {
    return handleCommand(this.store, messageStreamId(messageId), messageDecider, command, { metadata });
  }
}
