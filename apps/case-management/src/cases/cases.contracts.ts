import type {
  AlertRaisedV1,
  CaseClosedV1,
  CaseMessageBase,
  CaseOpenedV1,
  CaseStatusChangedV1,
  HoldLiftedV1,
  HoldPlacedV1,
  InteractionRecordedV1,
  TaskCreatedV1,
} from '@cartera/contracts';
import type { CaseEvent } from '@cartera/case-management-domain';
import type { RecordedEvent } from '@cartera/eventstore';
import type { ContractMessage, MappedEvent } from '@cartera/messaging';
import { caseIdOfStream } from './case-ids';

const message = <P>(
  type: string,
  base: CaseMessageBase,
  payload: Omit<P, keyof CaseMessageBase>,
): ContractMessage => ({
  type,
  schemaVersion: 1,
  key: base.debtorId,
  payload: { ...base, ...payload },
});

/** The public face of one case event; account facts, disputes' contents and notes stay inside. */
export const toContract = (e: CaseEvent, base: CaseMessageBase): ContractMessage | undefined => {
  switch (e.type) {
    case 'CaseOpened':
      return message<CaseOpenedV1>('CaseOpened', base, {
        currency: e.data.currency,
        openedAt: e.data.openedAt,
      });
    case 'CaseStatusChanged': {
      const { from, to, cause, rule, changedAt } = e.data;
      return message<CaseStatusChangedV1>('CaseStatusChanged', base, {
        ...{ from, to, causeKind: cause.kind, causeId: cause.id, changedAt },
        ...(rule ? { rule } : {}),
      });
    }
    case 'CaseClosed':
      return message<CaseClosedV1>('CaseClosed', base, {
        accountIds: Object.keys(e.data.closures),
        closedAt: e.data.closedAt,
      });
    case 'HoldPlaced': {
      const { holdId, reason, accountIds, placedAt, endsOn } = e.data;
      return message<HoldPlacedV1>('HoldPlaced', base, {
        ...{ holdId, reason, accountIds: [...accountIds], placedAt },
        ...(endsOn ? { endsOn } : {}),
      });
    }
    case 'HoldLifted':
      return message<HoldLiftedV1>('HoldLifted', base, { holdId: e.data.holdId, liftedAt: e.data.liftedAt });
    case 'InteractionRecorded': {
      const { interactionId, kind, outcome, channel, agentId, occurredAt } = e.data;
      return message<InteractionRecordedV1>('InteractionRecorded', base, {
        ...{ interactionId, kind, outcome, channel, agentId, occurredAt },
      });
    }
    case 'TaskCreated': {
      const { taskId, kind, dueAt, assignee } = e.data;
      return message<TaskCreatedV1>('TaskCreated', base, { taskId, kind, dueAt, assignee });
    }
    case 'AlertRaised': {
      const { alertId, kind, subject, raisedAt } = e.data;
      return message<AlertRaisedV1>('AlertRaised', base, { alertId, kind, subject, raisedAt });
    }
    default:
      return undefined;
  }
};

/** The publisher's mapper: the case's debtor and creditor travel on every event's metadata. */
export const mapCaseEvents = (events: readonly RecordedEvent[]): MappedEvent[] =>
  events.flatMap((event) => {
    const { debtorId, creditorId } = event.metadata as { debtorId?: string; creditorId?: string };
    if (!debtorId || !creditorId) return [];
    const base = { caseId: caseIdOfStream(event.streamId), debtorId, creditorId };
    const message = toContract(event as unknown as CaseEvent, base);
    return message ? [{ event, message }] : [];
  });
