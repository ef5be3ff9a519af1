import type { MatchCandidate, MatchKey } from '@cartera/case-management-domain';
import type { ClientBase } from 'pg';
import type { DebtorTables } from './debtors.schema';

/** The blind-index table: keys per placed account, pointing at the debtor that holds the account now. */
export class MatchKeysTable {
  constructor(private readonly t: DebtorTables) {}

  /** Serialises placements sharing a key until this transaction ends (two creditors placing one person at once). */
  async lock(db: ClientBase, keys: readonly MatchKey[]): Promise<void> {
    await db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k`,
      [[...new Set(keys.map((k) => `${k.kind}:${k.value}`))]],
    );
  }

  async candidates(db: ClientBase, keys: readonly MatchKey[]): Promise<MatchCandidate[]> {
    const { rows } = await db.query<{ debtor_id: string; kind: MatchKey['kind']; blind_index: string }>(
      `SELECT DISTINCT m.debtor_id, m.kind, m.blind_index
         FROM ${this.t.matchKeys} m
         JOIN unnest($1::text[], $2::text[]) AS k(kind, blind_index) USING (kind, blind_index)`,
      [keys.map((k) => k.kind), keys.map((k) => k.value)],
    );
    const byDebtor = new Map<string, MatchKey[]>();
    for (const r of rows)
      byDebtor.set(r.debtor_id, [
        ...(byDebtor.get(r.debtor_id) ?? []),
        { kind: r.kind, value: r.blind_index },
      ]);
    return [...byDebtor].map(([debtorId, found]) => ({ debtorId, keys: found }));
  }

  async add(db: ClientBase, accountId: string, debtorId: string, keys: readonly MatchKey[]): Promise<void> {
    await db.query(
      `INSERT INTO ${this.t.matchKeys} (kind, blind_index, account_id, debtor_id)
       SELECT kind, blind_index, $3, $4 FROM unnest($1::text[], $2::text[]) AS k(kind, blind_index)
       ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.kind), keys.map((k) => k.value), accountId, debtorId],
    );
  }

  /** The accounts changed debtor (merge or split): their keys follow them. */
  async move(db: ClientBase, accountIds: readonly string[], debtorId: string): Promise<void> {
    await db.query(`UPDATE ${this.t.matchKeys} SET debtor_id = $2 WHERE account_id = ANY($1::uuid[])`, [
      accountIds,
      debtorId,
    ]);
  }

  /** Erasure: nothing may match this person again. */
  async forget(db: ClientBase, debtorIds: readonly string[]): Promise<void> {
    await db.query(`DELETE FROM ${this.t.matchKeys} WHERE debtor_id = ANY($1::uuid[])`, [debtorIds]);
  }
}
