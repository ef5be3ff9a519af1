/**
 * An instant as epoch milliseconds (UTC, no zone attached): how instants enter and travel inside the
 * engine, read once from the store's timestamps. Every local-time question goes through Temporal.
 */
export type EpochMs = number;

/** How a message or call reaches a person. `call` covers live and automated (voice) calls. */
export type ContactChannel = 'call' | 'sms' | 'email' | 'whatsapp' | 'letter' | 'visit';

/** Channels whose messages are electronic communications (they carry an opt-out). */
export const ELECTRONIC_CHANNELS: readonly ContactChannel[] = ['sms', 'email', 'whatsapp'];

/** An attempt to reach the debtor (a call placed, a message sent), about one or more debts. */
export type ContactAttempt = Readonly<{
  channel: ContactChannel;
  at: EpochMs;
  debtIds: readonly string[];
}>;

/** A conversation that took place (someone answered); one about several debts counts for each. */
export type Conversation = Readonly<{
  channel: ContactChannel;
  at: EpochMs;
  debtIds: readonly string[];
}>;

/** The debtor's contact history: a projection of the contact events of every channel. */
export type ContactHistory = Readonly<{
  attempts: readonly ContactAttempt[];
  conversations: readonly Conversation[];
}>;

/**
 * Where the debtor can be reached, and what each point suggests about their time zone. A point may
 * name its zone (geocoded address); otherwise the zone is derived from the area code or region.
 */
export type ContactPoint =
  | Readonly<{ kind: 'phone'; number: string; timeZone?: string }>
  | Readonly<{ kind: 'email'; address: string }>
  | Readonly<{ kind: 'address'; country: string; region?: string; timeZone?: string }>;

/** Where a consent or opt-out came from; Regulation F accepts email addresses by provenance. */
export type ConsentProvenance =
  | 'debtor_provided'
  | 'debtor_used_to_communicate'
  | 'creditor_provided'
  | 'creditor_provided_with_notice'
  | 'skip_trace'
  | 'agent_entry';

/** A debtor's word on one channel and address (`'*'` = every address of the channel), with provenance. */
export type ConsentRecord = Readonly<{
  channel: ContactChannel;
  address: string;
  status: 'granted' | 'revoked';
  provenance: ConsentProvenance;
  at: EpochMs;
  /** How it was given: `'inbound STOP sms'`, `'signed authorisation form'` (evidence, not logic). */
  source?: string;
}>;

/** Why case management stopped treatment (mirrors the case-management contract's reasons). */
export type HoldReason =
  | 'dispute'
  | 'hardship'
  | 'bankruptcy'
  | 'deceased'
  | 'cease_and_desist'
  | 'attorney_representation'
  | 'creditor_request';

/** A hold placed by case management and not lifted; `endsOn` is its last day (inclusive). */
export type ActiveHold = Readonly<{
  holdId: string;
  reason: HoldReason;
  accountIds: readonly string[];
  placedAt: EpochMs;
  endsOn?: string;
}>;

/** Who the contact is addressed to; only obligated persons may hear about the debt. */
export type RecipientRole = 'debtor' | 'co_obligor' | 'guarantor' | 'personal_reference' | 'third_party';

/** Countries with a rule pack. */
export type Jurisdiction = 'US' | 'CO' | 'MX';
