import { CaseEvent } from './case.events';
import { Case, CaseStatus, LinkedAccount, OpenedCase, WorkStatus } from './case.state';

const with_ = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value);
const without = <K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> => {
  const next = new Map(map);
  next.delete(key);
  return next;
};
const plus = <T>(set: ReadonlySet<T>, ...values: T[]): ReadonlySet<T> => new Set([...set, ...values]);

const isWorkStatus = (s: CaseStatus): s is WorkStatus => s !== 'on_hold' && s !== 'closed';

const opened = (e: Extract<CaseEvent, { type: 'CaseOpened' }>): OpenedCase => ({
  status: 'new',
  caseId: e.data.caseId,
  debtorId: e.data.debtorId,
  creditorId: e.data.creditorId,
  currency: e.data.currency,
  resumeStatus: 'new',
  accounts: new Map(),
  holds: new Map(),
  liftedHolds: new Set(),
  disputes: new Map(),
  interactions: new Set(),
  arrangementFacts: new Set(),
  promiseDueOn: null,
  tasks: new Map(),
  alerts: new Set(),
  assignment: { agentId: null, teamId: null },
  tags: new Set(),
  nextAction: null,
  jurisdiction: null,
  timeBar: null,
});

const account = (s: OpenedCase, id: string, change: (a: LinkedAccount) => LinkedAccount): OpenedCase => {
  const a = s.accounts.get(id);
  return a ? { ...s, accounts: with_(s.accounts, id, change(a)) } : s;
};

export const evolve = (state: Case, event: CaseEvent): Case => {
  if (event.type === 'CaseOpened') return opened(event);
  if (state.status === 'unopened') return state;
  return evolveOpened(state, event);
};

const evolveOpened = (s: OpenedCase, e: CaseEvent): OpenedCase => {
  switch (e.type) {
    case 'CaseOpened':
      return s;
    case 'AccountLinkedToCase': {
      const { chargedOffOn, lastPaymentOn } = e.data;
      const limitationFrom =
        [lastPaymentOn, chargedOffOn]
          .filter((d): d is string => d !== null)
          .sort()
          .at(-1) ?? null;
      const linked = { balance: e.data.balance, bucket: null, dpd: 0, closedAs: null, limitationFrom };
      return {
        ...s,
        jurisdiction: e.data.jurisdiction ?? s.jurisdiction,
        accounts: with_(s.accounts, e.data.accountId, {
          ...linked,
          payments: new Set(),
          reversals: new Set(),
        }),
      };
    }
    case 'AccountPaymentRecorded':
      return account(s, e.data.accountId, (a) => ({
        ...a,
        balance: a.balance - e.data.applied,
        limitationFrom:
          a.limitationFrom === null || a.limitationFrom < e.data.paidOn ? e.data.paidOn : a.limitationFrom,
        payments: plus(a.payments, e.data.paymentId),
      }));
    case 'AccountPaymentReversed':
      return account(s, e.data.accountId, (a) => ({
        ...a,
        balance: a.balance + e.data.restored,
        reversals: plus(a.reversals, e.data.paymentId),
      }));
    case 'AccountAged':
      return account(s, e.data.accountId, (a) => ({ ...a, bucket: e.data.bucket, dpd: e.data.dpd }));
    case 'LinkedAccountClosed':
      return account(s, e.data.accountId, (a) => ({ ...a, closedAs: e.data.reason }));
    case 'CaseStatusChanged':
      return {
        ...s,
        status: e.data.to,
        // What a hold returns to; a case reopened into a hold returns to `new`.
        resumeStatus:
          e.data.to === 'on_hold' ? (isWorkStatus(e.data.from) ? e.data.from : 'new') : s.resumeStatus,
      };
    case 'CaseClosed':
      return { ...s, status: 'closed' };
    case 'HoldPlaced': {
      const { holdId, reason, endsOn, placedAt, accountIds } = e.data;
      return { ...s, holds: with_(s.holds, holdId, { reason, endsOn, placedAt, accountIds }) };
    }
    case 'HoldLifted':
      return {
        ...s,
        holds: without(s.holds, e.data.holdId),
        liftedHolds: plus(s.liftedHolds, e.data.holdId),
      };
    case 'DisputeOpened': {
      const { disputeId, reason, documentRef, openedAt } = e.data;
      const dispute = { reason, documentRef, openedAt, holdId: disputeHoldId(disputeId), verifiedAt: null };
      return { ...s, disputes: with_(s.disputes, disputeId, dispute) };
    }
    case 'DisputeVerified': {
      const dispute = s.disputes.get(e.data.disputeId);
      if (!dispute) return s;
      return {
        ...s,
        disputes: with_(s.disputes, e.data.disputeId, { ...dispute, verifiedAt: e.data.verifiedAt }),
      };
    }
    case 'InteractionRecorded':
      return { ...s, interactions: plus(s.interactions, e.data.interactionId) };
    case 'ArrangementNoted':
      return {
        ...s,
        arrangementFacts: plus(
          s.arrangementFacts,
          arrangementKey(e.data.arrangementId, e.data.fact, e.data.dueOn),
        ),
        promiseDueOn:
          e.data.fact === 'promise_made'
            ? e.data.dueOn
            : PROMISE_ENDS.has(e.data.fact)
              ? null
              : s.promiseDueOn,
      };
    case 'TaskCreated': {
      const { taskId, kind, dueAt, assignee } = e.data;
      return { ...s, tasks: with_(s.tasks, taskId, { kind, dueAt, assignee, completedAt: null }) };
    }
    case 'TaskCompleted': {
      const task = s.tasks.get(e.data.taskId);
      return task
        ? { ...s, tasks: with_(s.tasks, e.data.taskId, { ...task, completedAt: e.data.completedAt }) }
        : s;
    }
    case 'AlertRaised':
      return { ...s, alerts: plus(s.alerts, e.data.alertId) };
    case 'CaseAssigned':
      return { ...s, assignment: { agentId: e.data.agentId, teamId: e.data.teamId } };
    case 'CaseTagged': {
      const tags = new Set([...s.tags, ...e.data.added]);
      for (const t of e.data.removed) tags.delete(t);
      return { ...s, tags };
    }
    case 'NextActionSet':
      return { ...s, nextAction: { action: e.data.action, dueOn: e.data.dueOn } };
    case 'CaseTimeBarred': {
      const { accountIds, ruleVersion, barredOn } = e.data;
      return { ...s, timeBar: { accountIds, ruleVersion, barredOn } };
    }
    case 'TimeBarCleared':
      return { ...s, timeBar: null };
    default: {
      const unknown: never = e;
      void unknown;
      return s;
    }
  }
};

const PROMISE_ENDS: ReadonlySet<string> = new Set(['promise_kept', 'promise_broken']);

/** The hold a dispute places: derived from the dispute id, so verifying it finds the hold. */
export const disputeHoldId = (disputeId: string): string => `dispute-${disputeId}`;

/** A fact is applied once per arrangement and due date (a plan misses several instalments). */
export const arrangementKey = (arrangementId: string, fact: string, dueOn: string | null): string =>
  `${arrangementId}:${fact}:${dueOn ?? ''}`;
