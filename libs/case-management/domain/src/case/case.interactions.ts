import { RecordArrangement, RecordInteraction } from './case.commands';
import { CaseRuleViolated } from './case.errors';
import { alert } from './case.alerts';
import { ArrangementFact, CaseEvent, InteractionRecorded } from './case.events';
import { arrangementKey } from './case.evolve';
import { openedOnly, validDate, validInstant } from './case.guards';
import { disputeFromCall } from './case.dispute-call';
import { Case, Cause, OpenedCase, WorkStatus } from './case.state';
import { Instant } from './case.time';
import { factMove } from './case.status';

const EVERY_WORK_STATUS_BUT_LEGAL: readonly WorkStatus[] = [
  'new',
  'contacted',
  'negotiating',
  'pending_payment',
  'promise_active',
  'payment_plan',
  'severe_delinquency',
];

/**
 * Interactions are append-only and drive the status machine. While a hold is active no one may
 * call the debtor: a call outcome is refused, a note or an inbound message is still recorded.
 */
export const recordInteraction = (c: RecordInteraction, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const d = c.data;
  if (s.interactions.has(d.interactionId)) return [];
  if (s.status === 'closed') throw new CaseRuleViolated('case_closed', 'current status closed');
  if (d.kind === 'call' && s.status === 'on_hold')
    throw new CaseRuleViolated('case_on_hold', 'current status on_hold: no contact while a hold is active');
  if ((d.kind === 'call') !== (d.outcome !== null))
    throw new CaseRuleViolated('invalid_command', 'a call has an outcome, a note or message has none');
  if (d.outcome === 'promise' && d.promisedOn === null)
    throw new CaseRuleViolated('invalid_command', 'a promise needs promisedOn');
  const recorded: InteractionRecorded = {
    type: 'InteractionRecorded',
    data: {
      interactionId: d.interactionId,
      kind: d.kind,
      outcome: d.outcome,
      channel: d.channel,
      agentId: d.agentId,
      occurredAt: validInstant('occurredAt', d.occurredAt),
      note: d.note,
      promisedOn: d.promisedOn === null ? null : validDate('promisedOn', d.promisedOn),
      cause: d.cause,
    },
  };
  return [recorded, ...consequences(s, c)];
};

const consequences = (s: OpenedCase, c: RecordInteraction): CaseEvent[] => {
  const { at, cause, interactionId, outcome, promisedOn } = c.data;
  if (c.data.kind === 'inbound_message') return factMove(s, ['new'], 'contacted', at, cause);
  switch (outcome) {
    case 'right_party_contact':
      return factMove(s, ['new', 'severe_delinquency'], 'contacted', at, cause);
    case 'refusal':
      return factMove(s, ['new'], 'contacted', at, cause);
    case 'promise':
      return [
        {
          type: 'ArrangementNoted',
          data: { arrangementId: interactionId, fact: 'promise_made', dueOn: promisedOn, notedAt: at, cause },
        },
        ...factMove(s, EVERY_WORK_STATUS_BUT_LEGAL, 'promise_active', at, cause),
      ];
    case 'dispute':
      return disputeFromCall(s, interactionId, at, cause);
    case 'wrong_party':
      return [alert(`wrong-party-${interactionId}`, 'wrong_party', interactionId, at, cause)];
    default:
      return [];
  }
};

/** Promise and plan facts from negotiation; a broken promise or a missed instalment raises an alert. */
export const recordArrangement = (c: RecordArrangement, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { arrangementId, fact, dueOn, at, cause } = c.data;
  if (s.arrangementFacts.has(arrangementKey(arrangementId, fact, dueOn))) return [];
  if (s.status === 'closed') return [];
  const noted: CaseEvent = {
    type: 'ArrangementNoted',
    data: { arrangementId, fact, dueOn, notedAt: at, cause },
  };
  return [noted, ...ARRANGEMENT_MOVES[fact](s, arrangementId, at, cause, dueOn)];
};

type Move = (
  s: OpenedCase,
  arrangementId: string,
  at: Instant,
  cause: Cause,
  dueOn: string | null,
) => CaseEvent[];

const ARRANGEMENT_MOVES: Readonly<Record<ArrangementFact, Move>> = {
  promise_made: (s, _, at, cause) => factMove(s, EVERY_WORK_STATUS_BUT_LEGAL, 'promise_active', at, cause),
  promise_kept: (s, _, at, cause) => factMove(s, ['promise_active'], 'pending_payment', at, cause),
  promise_broken: (s, id, at, cause) => [
    alert(`promise-broken-${id}`, 'promise_broken', id, at, cause),
    ...factMove(s, ['promise_active'], 'contacted', at, cause),
  ],
  plan_agreed: (s, _, at, cause) => factMove(s, 'any', 'payment_plan', at, cause),
  plan_instalment_missed: (_s, id, at, cause, dueOn) => [
    alert(`instalment-missed-${id}-${dueOn ?? ''}`, 'instalment_missed', id, at, cause),
  ],
  plan_defaulted: (s, _, at, cause) => factMove(s, ['payment_plan'], 'negotiating', at, cause),
  plan_completed: (s, _, at, cause) => factMove(s, ['payment_plan'], 'pending_payment', at, cause),
};
