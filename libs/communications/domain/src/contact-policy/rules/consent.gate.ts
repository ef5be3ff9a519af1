import type { ConsentRecord } from '../contact-policy.types';
import { ELECTRONIC_CHANNELS } from '../contact-policy.types';
import type { PolicyContext } from '../policy-context';
import { gateOutcome, type Gate } from './gate';

/** The debtor's latest word on this channel and address (or the whole channel, `'*'`), as of now. */
export const latestConsent = (ctx: PolicyContext): ConsentRecord | undefined => {
  let latest: ConsentRecord | undefined;
  for (const c of ctx.input.consents) {
    if (c.channel !== ctx.input.channel || (c.address !== ctx.input.address && c.address !== '*')) continue;
    const at = c.at;
    if (at <= ctx.nowMs && (!latest || at >= latest.at)) latest = c;
  }
  return latest;
};

/** After an opt-out the channel (or address) is not used again. */
export const optOutGate: Gate = (ctx) =>
  gateOutcome(ctx.pack.optOut, latestConsent(ctx)?.status === 'revoked' && 'opted_out');

/** Every electronic message must tell the debtor how to opt out. */
export const optOutNoticeGate: Gate = (ctx) =>
  ELECTRONIC_CHANNELS.includes(ctx.input.channel)
    ? gateOutcome(ctx.pack.optOutNotice, ctx.input.carriesOptOut !== true && 'opt_out_notice_missing')
    : undefined;

/** Only channels the debtor authorised, on the address they authorised. */
export const authorisationGate: Gate = (ctx) =>
  gateOutcome(
    ctx.pack.channelAuthorisation,
    latestConsent(ctx)?.status !== 'granted' && 'channel_not_authorised',
  );

/** Email only to an address whose provenance the pack accepts. */
export const emailProvenanceGate: Gate = (ctx) => {
  if (ctx.input.channel !== 'email' || !ctx.pack.emailProvenance) return undefined;
  const consent = latestConsent(ctx);
  const accepted =
    consent?.status === 'granted' && ctx.pack.emailProvenance.accepted.includes(consent.provenance);
  return gateOutcome(ctx.pack.emailProvenance, !accepted && 'email_provenance_not_accepted');
};
