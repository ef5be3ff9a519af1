import { gateOutcome, type Gate } from './gate';

/** Only obligated persons (debtor, co-obligors, guarantors) may be contacted about the debt. */
export const recipientGate: Gate = (ctx) =>
  gateOutcome(
    ctx.pack.recipients,
    !ctx.pack.recipients.allowed.includes(ctx.input.recipient) && 'recipient_not_permitted',
  );

/** Channels a pack never allows for collection (Colombia: visits). */
export const forbiddenChannelGate: Gate = (ctx) =>
  gateOutcome(
    ctx.pack.forbiddenChannels,
    ctx.pack.forbiddenChannels?.channels.includes(ctx.input.channel) === true && 'channel_forbidden',
  );
