import type { BlockReason } from '../contact-decision';
import type { PolicyContext } from '../policy-context';
import type { RuleRef } from '../rule-pack';

/** A rule that time cannot cure, applied: it passed (`blocked` absent) or blocks with a reason. */
export type GateOutcome = Readonly<{ rule: RuleRef; blocked?: BlockReason }>;

/** Undefined when the pack has no such rule or it does not concern this contact. */
export type Gate = (ctx: PolicyContext) => GateOutcome | undefined;

export const gateOutcome = (
  rule: RuleRef | undefined,
  blocked: BlockReason | false,
): GateOutcome | undefined => (rule === undefined ? undefined : blocked ? { rule, blocked } : { rule });
