import { ExpireHolds, LiftHold, OpenDispute, PlaceHold, VerifyDispute } from './case.commands';
import { CaseRuleViolated } from './case.errors';
import { CaseEvent, HoldLifted, HoldPlaced } from './case.events';
import { disputeHoldId } from './case.evolve';
import { notClosed, openedOnly, validDate, validInstant } from './case.guards';
import { Case, Cause, HoldReason, HOLD_REASONS, OpenedCase } from './case.state';
import { Instant, IsoDate } from './case.time';
import { statusChanged } from './case.status';

/** The first active hold puts the case on hold; the same hold again is a retry. */
export const placeHold = (c: PlaceHold, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { holdId, reason, endsOn, at, cause } = c.data;
  const existing = s.holds.get(holdId);
  if (existing && existing.reason === reason && existing.endsOn === endsOn) return [];
  if (existing || s.liftedHolds.has(holdId))
    throw new CaseRuleViolated('hold_conflict', `hold ${holdId} exists`);
  if (reason === 'dispute')
    throw new CaseRuleViolated('invalid_command', 'a dispute hold comes with opening a dispute');
  return held(notClosed(s), holdId, reason, endsOn === null ? null : validDate('endsOn', endsOn), at, cause);
};

export const held = (
  s: OpenedCase,
  holdId: string,
  reason: HoldReason,
  endsOn: IsoDate | null,
  at: Instant,
  cause: Cause,
): CaseEvent[] => {
  if (!HOLD_REASONS.includes(reason))
    throw new CaseRuleViolated('invalid_command', `unknown hold reason ${reason}`);
  const accountIds = [...s.accounts].filter(([, a]) => a.closedAs === null).map(([id]) => id);
  const placed: HoldPlaced = {
    type: 'HoldPlaced',
    data: { holdId, reason, endsOn, accountIds, placedAt: validInstant('at', at), cause },
  };
  return s.status === 'on_hold' ? [placed] : [placed, statusChanged(s.status, 'on_hold', at, cause)];
};

/** Lifting the last active hold returns the case to where it was; a dispute hold needs its verification. */
export const liftHold = (c: LiftHold, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { holdId, at, cause } = c.data;
  if (s.liftedHolds.has(holdId)) return [];
  const hold = s.holds.get(holdId);
  if (!hold) throw new CaseRuleViolated('unknown_hold', `no hold ${holdId} on this case`);
  if (hold.reason === 'dispute')
    throw new CaseRuleViolated(
      'dispute_unverified',
      'answer the dispute with a verification to lift its hold',
    );
  return lifted(s, [holdId], 'lifted', at, cause);
};

export const lifted = (
  s: OpenedCase,
  holdIds: readonly string[],
  why: HoldLifted['data']['why'],
  liftedAt: Instant,
  cause: Cause,
): CaseEvent[] => {
  const events: CaseEvent[] = holdIds.map((holdId) => ({
    type: 'HoldLifted',
    data: { holdId, why, liftedAt, cause },
  }));
  const lastOne = holdIds.length > 0 && holdIds.length === s.holds.size && s.status === 'on_hold';
  return lastOne ? [...events, statusChanged('on_hold', s.resumeStatus, liftedAt, cause)] : events;
};

/** Holds end by themselves the day after their end date; dispute holds never do. */
export const expireHolds = (c: ExpireHolds, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const asOf = validDate('asOf', c.data.asOf);
  const ended = [...s.holds]
    .filter(([, h]) => h.reason !== 'dispute' && h.endsOn !== null && h.endsOn < asOf)
    .map(([id]) => id);
  return lifted(s, ended, 'expired', c.data.at, c.data.cause);
};

/** A dispute stops collection at once with a dispute hold, until it is verified. */
export const openDispute = (c: OpenDispute, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { disputeId, reason, documentRef, at, cause } = c.data;
  const existing = s.disputes.get(disputeId);
  if (existing && existing.reason === reason && existing.documentRef === documentRef) return [];
  if (existing) throw new CaseRuleViolated('dispute_conflict', `dispute ${disputeId} exists`);
  if (!reason.trim() || !documentRef.trim())
    throw new CaseRuleViolated('invalid_command', 'a dispute needs a reason and a document reference');
  return [
    {
      type: 'DisputeOpened',
      data: { disputeId, reason, documentRef, openedAt: validInstant('at', at), cause },
    },
    ...held(notClosed(s), disputeHoldId(disputeId), 'dispute', null, at, cause),
  ];
};

/** The verification answers the dispute and lifts its hold. */
export const verifyDispute = (c: VerifyDispute, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { disputeId, verificationRef, at, cause } = c.data;
  const dispute = s.disputes.get(disputeId);
  if (!dispute) throw new CaseRuleViolated('unknown_dispute', `no dispute ${disputeId} on this case`);
  if (dispute.verifiedAt !== null) return [];
  if (!verificationRef.trim()) throw new CaseRuleViolated('invalid_command', 'verificationRef is required');
  const holds = s.holds.has(dispute.holdId) ? [dispute.holdId] : [];
  return [
    {
      type: 'DisputeVerified',
      data: { disputeId, verificationRef, verifiedAt: validInstant('at', at), cause },
    },
    ...lifted(s, holds, 'dispute_verified', at, cause),
  ];
};
