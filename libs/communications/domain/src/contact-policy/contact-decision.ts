import type {
  ActiveHold,
  ConsentRecord,
  EpochMs,
  ContactChannel,
  ContactHistory,
  ContactPoint,
  Jurisdiction,
  RecipientRole,
} from './contact-policy.types';
import type { AgencyLimits, RulePack } from './rule-pack';

/** Everything the policy needs to decide one contact; the instant is passed in, never read. */
export type ContactPolicyInput = Readonly<{
  now: EpochMs;
  jurisdiction: Jurisdiction;
  creditorId: string;
  channel: ContactChannel;
  /** The number, email address or postal id the contact goes to. */
  address: string;
  recipient: RecipientRole;
  /** The debts the contact is about. */
  debtIds: readonly string[];
  /** For electronic messages: the rendered text carries the opt-out instruction. */
  carriesOptOut?: boolean;
  history: ContactHistory;
  contactPoints: readonly ContactPoint[];
  consents: readonly ConsentRecord[];
  holds: readonly ActiveHold[];
  packs: readonly RulePack[];
  agencyLimits?: readonly AgencyLimits[];
}>;

/** Why a contact may not happen at all (rescheduling would not help). */
export type BlockReason =
  | 'no_rule_pack'
  | 'hold_active'
  | 'recipient_not_permitted'
  | 'channel_forbidden'
  | 'opted_out'
  | 'opt_out_notice_missing'
  | 'channel_not_authorised'
  | 'email_provenance_not_accepted'
  | 'time_zone_unknown'
  | 'no_allowed_slot';

/** The rule and the version of the pack (or agency limits) behind a decision. */
export type DecisionEvidence = Readonly<{ ruleId: string; packVersion: string; citation: string }>;

export type ContactDecision =
  | (DecisionEvidence & Readonly<{ verdict: 'allow'; rulesApplied: readonly string[] }>)
  | (DecisionEvidence & Readonly<{ verdict: 'block'; reason: BlockReason }>)
  | (DecisionEvidence & Readonly<{ verdict: 'reschedule'; nextAllowedSlot: string }>);
