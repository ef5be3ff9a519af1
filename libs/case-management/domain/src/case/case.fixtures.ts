import { DeciderSpecification } from '@cartera/decider';
import { CaseCommand } from './case.commands';
import { CaseEvent, CaseStatusChanged } from './case.events';
import { Cause, CaseStatus } from './case.state';
import { caseDecider } from './index';

// Builders for the specifications: one debtor at one creditor, two accounts, a fixed clock.

export const given = DeciderSpecification.for(caseDecider);

export const AT = '2026-12-04T15:00:00Z';
export const CASE_ID = '0193a0f0-0000-7000-8000-000000000001';
export const DEBTOR_ID = '0193a0f0-0000-7000-8000-0000000000d1';
export const ACCOUNT_1 = '0193a0f0-0000-7000-8000-0000000000a1';
export const ACCOUNT_2 = '0193a0f0-0000-7000-8000-0000000000a2';
export const placement: Cause = { kind: 'event', id: 'msg-placed-1' };
export const agent: Cause = { kind: 'user', id: 'agent-7' };
export const fact = (id: string): Cause => ({ kind: 'event', id });

type DataOf<T extends CaseCommand['type']> = Omit<Extract<CaseCommand, { type: T }>['data'], 'at' | 'cause'>;

/** A command of `type` with `at` = AT and the given cause (an agent's, unless said otherwise). */
export const command = <T extends CaseCommand['type']>(
  type: T,
  data: DataOf<T>,
  cause: Cause = agent,
): CaseCommand => ({ type, data: { ...data, at: AT, cause } }) as unknown as CaseCommand;

export const linkAccount = (accountId = ACCOUNT_1, balance = 100_000n, currency = 'COP', cause = placement) =>
  command(
    'LinkAccountToCase',
    {
      caseId: CASE_ID,
      debtorId: DEBTOR_ID,
      creditorId: 'acme-bank',
      accountId,
      currency,
      balance,
      chargedOffOn: null,
      lastPaymentOn: null,
      jurisdiction: null,
    },
    cause,
  );

export const caseOpened = (): CaseEvent => ({
  type: 'CaseOpened',
  data: {
    caseId: CASE_ID,
    debtorId: DEBTOR_ID,
    creditorId: 'acme-bank',
    currency: 'COP',
    openedAt: AT,
    cause: placement,
  },
});

export const accountLinked = (accountId = ACCOUNT_1, balance = 100_000n, cause = placement): CaseEvent => ({
  type: 'AccountLinkedToCase',
  data: {
    accountId,
    balance,
    chargedOffOn: null,
    lastPaymentOn: null,
    jurisdiction: null,
    linkedAt: AT,
    cause,
  },
});

/** A case opened with one account (or both), optionally already moved to `status`. */
export const openCase = (status?: CaseStatus, accounts: readonly string[] = [ACCOUNT_1]): CaseEvent[] => [
  caseOpened(),
  ...accounts.map((a) => accountLinked(a)),
  ...(status && status !== 'new' ? [changed('new', status, placement)] : []),
];

export const changed = (
  from: CaseStatus,
  to: CaseStatus,
  cause: Cause = agent,
  rule?: string,
): CaseStatusChanged => ({
  type: 'CaseStatusChanged',
  data: { from, to, changedAt: AT, cause, ...(rule ? { rule } : {}) },
});
