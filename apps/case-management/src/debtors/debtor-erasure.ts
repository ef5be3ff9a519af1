import {
  DEFAULT_RETENTION_POLICIES,
  DebtorRuleViolated,
  describeHold,
  retentionHolds,
  retentionPolicyFor,
  type Registered,
  type RetentionPolicy,
} from '@cartera/case-management-domain';
import { withTransaction } from '@cartera/pg';
import type { PiiVault } from '@cartera/pii';
import type { Pool } from 'pg';
import { Temporal } from 'temporal-polyfill';
import type { DebtorsCommands } from './debtors.commands';
import type { MatchKeysTable } from './match-keys.table';
import type { RetentionFactsTable } from './retention-facts.table';

const todayIn = (now: Date, zone: string | undefined): string => {
  try {
    return Temporal.Instant.fromEpochMilliseconds(now.getTime())
      .toZonedDateTimeISO(zone ?? 'UTC')
      .toPlainDate()
      .toString();
  } catch {
    return now.toISOString().slice(0, 10);
  }
};

/**
 * The right to erasure by crypto-shredding: retention holds first (409 naming each), then the data
 * keys of the debtor and of every record merged into it are destroyed, DebtorErased is recorded and
 * the blind indexes are deleted. Money, dates and statuses stay where they are.
 */
export class DebtorErasure {
  constructor(
    private readonly commands: DebtorsCommands,
    private readonly vault: PiiVault,
    private readonly facts: RetentionFactsTable,
    private readonly keys: MatchKeysTable,
    private readonly pool: Pool,
    private readonly clock: () => Date,
    private readonly policies: readonly RetentionPolicy[] = DEFAULT_RETENTION_POLICIES,
  ) {}

  async erase(debtorId: string, by: string): Promise<{ debtorId: string; status: 'erased' }> {
    const state = await this.commands.state(debtorId);
    if (state.status === 'erased') return { debtorId, status: 'erased' };
    const now = this.clock();
    const registered = state.status === 'registered' ? state : undefined;
    const today = todayIn(now, registered?.profile.timeZones[0]);
    const facts = await this.factsOf(registered, today);
    if (registered) this.refuseOnHolds(registered, facts);
    const records = registered ? [debtorId, ...Object.keys(registered.absorbed)] : [debtorId];
    if (registered) for (const id of records) await this.vault.erase(id);
    await this.commands.handle(
      debtorId,
      { type: 'EraseDebtor', data: { erasedBy: by, at: now.toISOString(), facts, policies: this.policies } },
      { metadata: { actor: { kind: 'user', id: by } } },
    );
    await withTransaction(this.pool, (c) => this.keys.forget(c, records));
    return { debtorId, status: 'erased' };
  }

  private factsOf(s: Registered | undefined, today: string) {
    return this.facts.factsFor(
      this.pool,
      s ? Object.keys(s.accounts) : [],
      s?.profile.jurisdiction ?? { country: 'ZZ' },
      today,
    );
  }

  /** The decider checks the same facts again; checking here first keeps the keys until it is sure. */
  private refuseOnHolds(s: Registered, facts: Awaited<ReturnType<RetentionFactsTable['factsFor']>>): void {
    const holds = retentionHolds(
      facts,
      retentionPolicyFor(s.profile.jurisdiction, facts.today, this.policies),
    );
    if (holds.length > 0)
      throw new DebtorRuleViolated('retention_hold', holds.map(describeHold).join('; '), holds);
  }
}
