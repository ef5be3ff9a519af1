import { SettlementApproved, SettlementProposal } from './settlement.events';

/**
 * A settlement offer — the glossary:
 * - **Discount** — what the creditor gives up of the balance, split by component (interest and
 *   fees first, principal last) and measured in basis points of the balance.
 * - **Approval limit** — the largest discount a role may grant; beyond it the offer waits for an
 *   approver whose limit covers it (or the creditor).
 */
export type Settlement =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'awaiting_approval'; proposal: SettlementProposal }>
  | Readonly<{ status: 'offered'; proposal: SettlementProposal; approval: SettlementApproved['data'] | null }>
  | Readonly<{ status: 'declined'; proposal: SettlementProposal }>;

export const initialState = (): Settlement => ({ status: 'none' });
