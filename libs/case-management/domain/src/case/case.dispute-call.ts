import { CaseEvent } from './case.events';
import { disputeHoldId } from './case.evolve';
import { held } from './case.holds';
import { Cause, OpenedCase } from './case.state';
import { Instant } from './case.time';

/** A debtor disputing on a call opens a dispute whose document is the call record itself. */
export const disputeFromCall = (
  s: OpenedCase,
  interactionId: string,
  at: Instant,
  cause: Cause,
): CaseEvent[] => {
  const disputeId = `call-${interactionId}`;
  return [
    {
      type: 'DisputeOpened',
      data: {
        disputeId,
        reason: 'raised_on_call',
        documentRef: `interaction:${interactionId}`,
        openedAt: at,
        cause,
      },
    },
    ...held(s, disputeHoldId(disputeId), 'dispute', null, at, cause),
  ];
};
