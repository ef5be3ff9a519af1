import type {
  AccountClosedV1,
  AccountPlacedV1,
  BalanceChangedV1,
  HoldLiftedV1,
  HoldPlacedV1,
  PaymentPostedV1,
} from '@cartera/contracts';
import type { RetentionFacts } from '@cartera/case-management-domain';
import type { ClientBase, Pool } from 'pg';
import type { DebtorTables } from './debtors.schema';

/** Holds that keep a debtor's records: an open dispute and the legal ones (HOLD_REASONS of case management). */
export const RETENTION_HOLD_REASONS: readonly string[] = ['dispute', 'bankruptcy', 'attorney_representation'];

const dayOf = (instant: string): string => instant.slice(0, 10);

/** What erasure must know from other services, kept from their messages: balances, activity, holds. */
export class RetentionFactsTable {
  constructor(private readonly t: DebtorTables) {}

  async placed(db: ClientBase, p: AccountPlacedV1): Promise<void> {
    const total = BigInt(p.balance.principal) + BigInt(p.balance.interest) + BigInt(p.balance.fees);
    await db.query(
      `INSERT INTO ${this.t.ledgerAccounts} (account_id, creditor_id, currency, balance_minor, status, last_activity_on)
       VALUES ($1, $2, $3, $4, 'active', $5) ON CONFLICT (account_id) DO NOTHING`,
      [p.accountId, p.creditorId, p.currency, total.toString(), dayOf(p.placedAt)],
    );
  }

  async balanceChanged(db: ClientBase, b: BalanceChangedV1): Promise<void> {
    await this.touch(db, b.accountId, dayOf(b.changedAt), 'balance_minor = $3', [b.totalMinor]);
  }

  async paymentPosted(db: ClientBase, p: PaymentPostedV1): Promise<void> {
    await this.touch(db, p.accountId, p.paidOn);
  }

  async closed(db: ClientBase, c: AccountClosedV1): Promise<void> {
    await this.touch(db, c.accountId, c.closedOn, `status = 'closed'`);
  }

  private async touch(db: ClientBase, accountId: string, day: string, set?: string, extra: unknown[] = []) {
    await db.query(
      `UPDATE ${this.t.ledgerAccounts} SET last_activity_on = GREATEST(last_activity_on, $2::date)${set ? `, ${set}` : ''}
        WHERE account_id = $1`,
      [accountId, day, ...extra],
    );
  }

  async holdPlaced(db: ClientBase, h: HoldPlacedV1): Promise<void> {
    await db.query(
      `INSERT INTO ${this.t.holds} (hold_id, reason, account_ids, ends_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hold_id) DO NOTHING`,
      [h.holdId, h.reason, h.accountIds, h.endsOn ?? null],
    );
  }

  async holdLifted(db: ClientBase, h: HoldLiftedV1): Promise<void> {
    await db.query(`DELETE FROM ${this.t.holds} WHERE hold_id = $1`, [h.holdId]);
  }

  /** The facts on `today` for these accounts (an account the ledger never told about counts as unknown, not open). */
  async factsFor(
    pool: Pool,
    accountIds: readonly string[],
    jurisdiction: RetentionFacts['jurisdiction'],
    today: string,
  ): Promise<RetentionFacts> {
    const accounts = await pool.query<{
      account_id: string;
      balance_minor: string;
      currency: string;
      status: string;
      last_activity_on: string;
    }>(
      `SELECT account_id, balance_minor, currency, status, to_char(last_activity_on, 'YYYY-MM-DD') AS last_activity_on
         FROM ${this.t.ledgerAccounts} WHERE account_id = ANY($1::uuid[])`,
      [accountIds],
    );
    const holds = await pool.query<{ hold_id: string; reason: string; account_ids: string[] }>(
      `SELECT hold_id, reason, account_ids FROM ${this.t.holds}
        WHERE account_ids && $1::uuid[] AND reason = ANY($2::text[]) AND (ends_on IS NULL OR ends_on >= $3::date)`,
      [accountIds, RETENTION_HOLD_REASONS, today],
    );
    return {
      jurisdiction,
      today,
      accounts: accounts.rows.map((r) => ({
        accountId: r.account_id,
        openBalanceMinor: r.status === 'active' ? BigInt(r.balance_minor) : 0n,
        currency: r.currency,
        lastCollectionActivityOn: r.last_activity_on,
      })),
      activeHolds: holds.rows.map((r) => ({
        holdId: r.hold_id,
        reason: r.reason,
        accountIds: r.account_ids,
      })),
    };
  }
}
