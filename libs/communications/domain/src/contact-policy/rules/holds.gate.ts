import type { ActiveHold, HoldReason } from '../contact-policy.types';
import { localDayOf } from '../local-time';
import type { PolicyContext } from '../policy-context';
import type { Gate } from './gate';

// These reasons stop every contact with the person, whichever debt it is about.
const DEBTOR_WIDE: readonly HoldReason[] = [
  'cease_and_desist',
  'attorney_representation',
  'bankruptcy',
  'deceased',
];

/** A hold with an end date stops counting after its last day, in every zone of the debtor. */
const inForce = (ctx: PolicyContext, hold: ActiveHold): boolean => {
  if (hold.placedAt > ctx.nowMs) return false;
  const lastDay = hold.endsOn;
  if (lastDay === undefined) return true;
  const zones = ctx.zones.length > 0 ? ctx.zones : ['UTC'];
  return zones.some((z) => localDayOf(z, ctx.nowMs).date <= lastDay);
};

const covers = (ctx: PolicyContext, hold: ActiveHold): boolean =>
  DEBTOR_WIDE.includes(hold.reason) || hold.accountIds.some((id) => ctx.input.debtIds.includes(id));

/** Holds from case management (disputes, cease-and-desist, attorney representation…) block contact. */
export const holdsGate: Gate = (ctx) => {
  const hold = ctx.input.holds.find((h) => inForce(ctx, h) && covers(ctx, h));
  if (!hold) return { rule: ctx.pack.holds };
  return { rule: ctx.pack.holds.byReason?.[hold.reason] ?? ctx.pack.holds, blocked: 'hold_active' };
};
