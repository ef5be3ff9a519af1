import type { Decider } from '@cartera/decider';
import type { DebtorCommand } from './debtor.commands';
import { decide } from './debtor.decide';
import type { DebtorEvent } from './debtor.events';
import { evolve } from './debtor.evolve';
import { type Debtor, initialState } from './debtor.state';

export const debtorDecider: Decider<Debtor, DebtorCommand, DebtorEvent> = { decide, evolve, initialState };

/** Stream of one debtor in the case-management store. */
export const debtorStreamId = (debtorId: string): string => `debtor-${debtorId}`;

export * from './debtor.commands';
export * from './debtor.errors';
export * from './debtor.events';
export type {
  AccountRef,
  ContactPoint,
  DebtorProfile,
  Identity,
  Jurisdiction,
  NationalId,
  Provenance,
  RuleRef,
  SealedField,
} from './debtor.profile';
export type { Debtor, HeldAccount, OpenReview, Registered } from './debtor.state';
export * from './match-keys';
export * from './match-rules';
export * from './retention';
