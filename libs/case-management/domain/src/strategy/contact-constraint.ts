import { CaseSituation } from './case-situation';
import { CancelReason, HoldBack } from './strategy-run.events';
import { addDays, epochMs, Instant, instantAt } from './time';

/** What the case's latest situation allows: nothing now, nothing before an instant, or anything. */
export type ContactConstraint =
  | Readonly<{ kind: 'blocked'; reason: Exclude<CancelReason, 'payment_received' | 'resegmented'> }>
  | Readonly<{ kind: 'not_before'; until: Instant; reason: HoldBack }>
  | Readonly<{ kind: 'free' }>;

/**
 * A dispute or an open-ended hold stops collection; so does a balance paid off. A hold with an end
 * waits for it; a pending promise is given until the day after it falls due.
 */
export const contactConstraint = (s: CaseSituation, sendTime: string, at: Instant): ContactConstraint => {
  if (s.disputed) return { kind: 'blocked', reason: 'disputed' };
  if (s.facts.balanceMinor <= 0n) return { kind: 'blocked', reason: 'paid_off' };
  if (s.hold && s.hold.until === null) return { kind: 'blocked', reason: 'on_hold' };
  if (s.hold?.until && epochMs(s.hold.until) > epochMs(at))
    return { kind: 'not_before', until: s.hold.until, reason: 'on_hold' };
  if (s.promise) {
    const until = instantAt(addDays(s.promise.dueOn, 1), sendTime, s.timeZone);
    if (epochMs(until) > epochMs(at)) return { kind: 'not_before', until, reason: 'promise_pending' };
  }
  return { kind: 'free' };
};
