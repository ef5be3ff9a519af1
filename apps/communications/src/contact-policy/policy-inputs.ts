import {
  RULE_PACKS,
  type ActiveHold,
  type ConsentRecord,
  type ContactChannel,
  type ContactPoint,
  type ContactPolicyInput,
  type HoldReason,
  type Jurisdiction,
  type RecipientRole,
} from '@cartera/communications-domain';
import type { Pool } from 'pg';
import { Temporal } from 'temporal-polyfill';
import type { CommunicationsTables } from '../communications.schema';

/** A debtor's contact profile as stored: consents keep their instants as ISO strings. */
export type ContactProfile = Readonly<{
  debtorId: string;
  creditorId: string;
  jurisdiction: Jurisdiction;
  locale: string;
  contactPoints: ContactPoint[];
  consents: (Omit<ConsentRecord, 'at'> & { at: string })[];
}>;

export type ContactRequest = Readonly<{
  channel: ContactChannel;
  address: string;
  debtIds: readonly string[];
  recipient?: RecipientRole;
  carriesOptOut?: boolean;
}>;

// pg returns timestamptz as Date; JSON keeps ISO strings with their offset.
const ms = (value: Date | string): number =>
  value instanceof Date ? value.getTime() : Temporal.Instant.from(value).epochMilliseconds;

/** Reads what the contact policy needs about one debtor: profile, active holds, contact history. */
export class PolicyInputs {
  constructor(
    private readonly pool: Pool,
    private readonly t: CommunicationsTables,
  ) {}

  async profile(debtorId: string): Promise<ContactProfile | undefined> {
    const { rows } = await this.pool.query(
      `SELECT debtor_id, creditor_id, jurisdiction, locale, contact_points, consents FROM ${this.t.contactProfiles} WHERE debtor_id = $1`,
      [debtorId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      debtorId: r.debtor_id,
      creditorId: r.creditor_id,
      jurisdiction: r.jurisdiction,
      locale: r.locale,
      contactPoints: r.contact_points,
      consents: r.consents,
    };
  }

  async saveProfile(p: ContactProfile): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t.contactProfiles} (debtor_id, creditor_id, jurisdiction, locale, contact_points, consents)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (debtor_id) DO UPDATE SET creditor_id = $2, jurisdiction = $3, locale = $4, contact_points = $5,
         consents = $6, updated_at = now()`,
      [
        p.debtorId,
        p.creditorId,
        p.jurisdiction,
        p.locale,
        JSON.stringify(p.contactPoints),
        JSON.stringify(p.consents),
      ],
    );
  }

  /** Records an opt-out the debtor sent (a STOP reply) as the latest word on that channel and address. */
  async revokeConsent(
    debtorId: string,
    channel: ContactChannel,
    address: string,
    at: string,
    source: string,
  ) {
    const consent = { channel, address, status: 'revoked', provenance: 'debtor_provided', at, source };
    await this.pool.query(
      `UPDATE ${this.t.contactProfiles} SET consents = consents || $2::jsonb, updated_at = now() WHERE debtor_id = $1`,
      [debtorId, JSON.stringify([consent])],
    );
  }

  private async holds(debtorId: string): Promise<ActiveHold[]> {
    const { rows } = await this.pool.query(
      `SELECT hold_id, reason, account_ids, placed_at, ends_on::text AS ends_on FROM ${this.t.activeHolds} WHERE debtor_id = $1`,
      [debtorId],
    );
    return rows.map((r) => ({
      holdId: r.hold_id,
      reason: r.reason as HoldReason,
      accountIds: r.account_ids,
      placedAt: ms(r.placed_at),
      ...(r.ends_on ? { endsOn: r.ends_on } : {}),
    }));
  }

  private async history(debtorId: string, now: Date) {
    // Every rule looks back at most a few weeks; 60 days bounds the read.
    const { rows } = await this.pool.query(
      `SELECT kind, channel, debt_ids, at FROM ${this.t.contactHistory}
       WHERE debtor_id = $1 AND at > $2::timestamptz - interval '60 days' ORDER BY at`,
      [debtorId, now],
    );
    const entries = rows.map((r) => ({
      channel: r.channel as ContactChannel,
      at: ms(r.at),
      debtIds: r.debt_ids as string[],
      kind: r.kind,
    }));
    return {
      attempts: entries.filter((e) => e.kind === 'attempt'),
      conversations: entries.filter((e) => e.kind === 'conversation'),
    };
  }

  /** The policy input for one contact of this debtor, at `now`. */
  async forContact(profile: ContactProfile, request: ContactRequest, now: Date): Promise<ContactPolicyInput> {
    const [holds, history] = await Promise.all([
      this.holds(profile.debtorId),
      this.history(profile.debtorId, now),
    ]);
    return {
      now: now.getTime(),
      jurisdiction: profile.jurisdiction,
      creditorId: profile.creditorId,
      channel: request.channel,
      address: request.address,
      recipient: request.recipient ?? 'debtor',
      debtIds: request.debtIds,
      carriesOptOut: request.carriesOptOut ?? true,
      history,
      contactPoints: profile.contactPoints,
      consents: profile.consents.map((c) => ({ ...c, at: ms(c.at) })),
      holds,
      packs: RULE_PACKS,
    };
  }
}

/** The address a channel reaches by default: the first phone (calls, SMS, WhatsApp) or email of the profile. */
export const defaultAddress = (profile: ContactProfile, channel: ContactChannel): string | undefined => {
  for (const p of profile.contactPoints) {
    if (p.kind === 'email' && channel === 'email') return p.address;
    if (p.kind === 'phone' && (channel === 'call' || channel === 'sms' || channel === 'whatsapp'))
      return p.number;
  }
  return undefined;
};
