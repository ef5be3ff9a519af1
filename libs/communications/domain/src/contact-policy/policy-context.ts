import type { ContactChannel } from './contact-policy.types';
import type { ContactPolicyInput } from './contact-decision';
import type { AgencyLimits, RulePack } from './rule-pack';

/** A past contact with its instant read once (epoch ms) for the many comparisons that follow. */
export type PastContact = Readonly<{ channel: ContactChannel; ms: number; debtIds: readonly string[] }>;

/** The input prepared for the rules: the pack in effect, the debtor's zones, instants as numbers. */
export type PolicyContext = Readonly<{
  input: ContactPolicyInput;
  nowMs: number;
  pack: RulePack;
  packVersion: string;
  agency?: AgencyLimits;
  zones: readonly string[];
  attempts: readonly PastContact[];
  conversations: readonly PastContact[];
}>;

export const concerns = (contact: PastContact, debtId: string | undefined): boolean =>
  debtId === undefined || contact.debtIds.includes(debtId);
