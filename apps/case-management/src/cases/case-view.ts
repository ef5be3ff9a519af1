import { priorityOf } from '@cartera/case-management-domain';
import type { OpenedCase } from '@cartera/case-management-domain';
import { Temporal } from 'temporal-polyfill';

/** The whole case as GET /cases/:id answers it: folded from its stream, so it is never behind. */
export const viewOf = (s: OpenedCase, version: number, now: Date) => {
  const today = now.toISOString().slice(0, 10);
  const accounts = [...s.accounts].map(([accountId, a]) => ({
    accountId,
    balanceMinor: a.balance.toString(),
    bucket: a.bucket,
    dpd: a.dpd,
    closedAs: a.closedAs,
  }));
  const open = [...s.accounts.values()].filter((a) => a.closedAs === null);
  const balance = open.reduce((sum, a) => sum + a.balance, 0n);
  const dpd = Math.max(0, ...open.map((a) => a.dpd));
  const priority = priorityOf({ status: s.status, balance, dpd, promiseDueOn: s.promiseDueOn, asOf: today });
  return {
    caseId: s.caseId,
    debtorId: s.debtorId,
    creditorId: s.creditorId,
    currency: s.currency,
    status: s.status,
    resumesTo: s.status === 'on_hold' ? s.resumeStatus : null,
    version,
    balanceMinor: balance.toString(),
    accounts,
    holds: [...s.holds].map(([holdId, h]) => ({ holdId, ...h })),
    disputes: [...s.disputes].map(([disputeId, d]) => ({
      disputeId,
      ...d,
      daysOpen: daysSince(d.openedAt, now),
    })),
    tasks: [...s.tasks].map(([taskId, t]) => ({ taskId, ...t })),
    assignment: s.assignment,
    tags: [...s.tags],
    nextAction: s.nextAction,
    promiseDueOn: s.promiseDueOn,
    priority: {
      score: priority.score.toString(),
      policyVersion: priority.policyVersion,
      terms: priority.terms,
    },
  };
};

export type CaseView = ReturnType<typeof viewOf>;

/** The dispute clock: whole days since it was opened. */
const daysSince = (at: string, now: Date): number =>
  Math.floor(
    Temporal.Instant.from(at).until(Temporal.Instant.fromEpochMilliseconds(now.getTime()), {
      largestUnit: 'hours',
    }).hours / 24,
  );
