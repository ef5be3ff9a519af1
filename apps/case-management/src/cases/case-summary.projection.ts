import type { CaseEvent } from '@cartera/case-management-domain';
import { priorityOf, type PriorityTerm } from '@cartera/case-management-domain';

type AccountCell = { balance: string; bucket: string | null; dpd: number; closed: boolean };

/** A row of the cases read model: what lists, worklists and supervisor views query. */
export type CaseRow = {
  caseId: string;
  debtorId: string;
  creditorId: string;
  currency: string;
  status: string;
  agentId: string | null;
  teamId: string | null;
  accounts: Record<string, AccountCell>;
  promiseDueOn: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  tags: string[];
  openAlerts: string[];
  openedAt: string;
  lastActivityAt: string;
  version: number;
};

/** What the row shows beside its facts: open balance, worst aging and the priority, computed on write. */
export type CaseSummary = CaseRow & {
  balance: bigint;
  bucket: string | null;
  dpd: number;
  priorityScore: bigint;
  priorityTerms: readonly PriorityTerm[];
  priorityPolicy: string;
};

export const CASE_SUMMARY = { name: 'case_summary' } as const;

/** The mark lists and worklists show on a case with time-barred accounts. */
export const TIME_BARRED_TAG = 'time_barred';

const account = (row: CaseRow, id: string, change: (a: AccountCell) => AccountCell): CaseRow => {
  const a = row.accounts[id];
  return a ? { ...row, accounts: { ...row.accounts, [id]: change(a) } } : row;
};
const plusMinor = (a: string, b: bigint): string => (BigInt(a) + b).toString();

/** Total: an event the row does not show leaves it as it was (only its version and activity move). */
export const evolveCaseRow = (
  row: CaseRow | null,
  e: CaseEvent,
  version: number,
  at: string,
): CaseRow | null => {
  if (e.type === 'CaseOpened') {
    const { caseId, debtorId, creditorId, currency, openedAt } = e.data;
    return {
      ...{ caseId, debtorId, creditorId, currency, status: 'new', agentId: null, teamId: null, accounts: {} },
      ...{ promiseDueOn: null, nextAction: null, nextActionOn: null, tags: [], openAlerts: [] },
      ...{ openedAt, lastActivityAt: at, version },
    };
  }
  if (!row) return row;
  return evolveFacts({ ...row, version, lastActivityAt: at }, e);
};

const evolveFacts = (row: CaseRow, e: CaseEvent): CaseRow => {
  switch (e.type) {
    case 'AccountLinkedToCase':
      return {
        ...row,
        accounts: {
          ...row.accounts,
          [e.data.accountId]: { balance: e.data.balance.toString(), bucket: null, dpd: 0, closed: false },
        },
      };
    case 'AccountPaymentRecorded':
      return account(row, e.data.accountId, (a) => ({
        ...a,
        balance: plusMinor(a.balance, -e.data.applied),
      }));
    case 'AccountPaymentReversed':
      return account(row, e.data.accountId, (a) => ({
        ...a,
        balance: plusMinor(a.balance, e.data.restored),
      }));
    case 'AccountAged':
      return account(row, e.data.accountId, (a) => ({ ...a, bucket: e.data.bucket, dpd: e.data.dpd }));
    case 'LinkedAccountClosed':
      return account(row, e.data.accountId, (a) => ({ ...a, closed: true }));
    case 'CaseStatusChanged':
      return { ...row, status: e.data.to };
    case 'ArrangementNoted':
      if (e.data.fact === 'promise_made') return { ...row, promiseDueOn: e.data.dueOn };
      return e.data.fact === 'promise_kept' || e.data.fact === 'promise_broken'
        ? { ...row, promiseDueOn: null }
        : row;
    case 'CaseAssigned':
      return { ...row, agentId: e.data.agentId, teamId: e.data.teamId };
    case 'CaseTagged':
      return {
        ...row,
        tags: [...new Set([...row.tags, ...e.data.added])].filter((t) => !e.data.removed.includes(t)),
      };
    case 'NextActionSet':
      return { ...row, nextAction: e.data.action, nextActionOn: e.data.dueOn };
    case 'AlertRaised':
      return { ...row, openAlerts: [...row.openAlerts, e.data.alertId] };
    case 'CaseTimeBarred':
      return { ...row, tags: [...new Set([...row.tags, TIME_BARRED_TAG])] };
    case 'TimeBarCleared':
      return { ...row, tags: row.tags.filter((t) => t !== TIME_BARRED_TAG) };
    case 'TaskCompleted':
      return { ...row, openAlerts: row.openAlerts.filter((id) => id !== `task-overdue-${e.data.taskId}`) };
    default:
      return row;
  }
};

/** Open balance, the worst aging of the open accounts and the priority score as of `asOf`. */
export const summarise = (row: CaseRow, asOf: string): CaseSummary => {
  const open = Object.values(row.accounts).filter((a) => !a.closed);
  const balance = open.reduce((sum, a) => sum + BigInt(a.balance), 0n);
  const worst = open.reduce<AccountCell | undefined>((w, a) => (!w || a.dpd > w.dpd ? a : w), undefined);
  const dpd = worst?.dpd ?? 0;
  const status = row.status as Parameters<typeof priorityOf>[0]['status'];
  const priority = priorityOf({ status, balance, dpd, promiseDueOn: row.promiseDueOn, asOf });
  return {
    ...row,
    balance,
    bucket: worst?.bucket ?? null,
    dpd,
    priorityScore: priority.score,
    priorityTerms: priority.terms,
    priorityPolicy: priority.policyVersion,
  };
};
