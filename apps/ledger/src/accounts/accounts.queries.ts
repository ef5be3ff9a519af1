import type { EventStore, RecordedEvent } from '@cartera/eventstore';
import type { Pool } from 'pg';
import type { LedgerTables } from '../ledger.schema';
import { accountStreamId } from './account-ids';
import { rowFromDb, selectAccountColumns } from './account-summary.table';
import { AccountView, viewFromRow } from './account-view';

export type AccountFilter = Readonly<{
  creditorId?: string;
  debtorId?: string;
  bucket?: string;
  status?: 'active' | 'closed';
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
  /** The caller's creditors; undefined means every creditor. */
  creditors?: readonly string[];
}>;

export type AccountPage = { items: AccountView[]; nextCursor: string | null };

/** A stored event as the compliance view shows it (money as strings). */
export type AccountEventView = {
  id: string;
  type: string;
  streamVersion: number;
  data: unknown;
  metadata: unknown;
  occurredAt: string;
  recordedAt: string;
};

/** The result of recomputing an account's hash chain (compliance). */
export type AccountIntegrityView = {
  accountId: string;
  /** True when every stored event still links to the one before it and the stream's head. */
  intact: boolean;
  /** Events checked (up to the broken one when the chain is broken). */
  eventsChecked: number;
  /** Version of the first event whose link does not hold; null when intact. */
  brokenAtVersion: number | null;
  reason: string | null;
  verifiedAt: string;
};

const plain = (value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
};

const encodeCursor = (accountId: string) => Buffer.from(accountId).toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

/** Reads of the ledger's read model (and of a stream, for compliance). Out-of-scope accounts do not exist for the caller. */
export class AccountsQueries {
  constructor(
    private readonly pool: Pool,
    private readonly t: LedgerTables,
    private readonly store: Pick<EventStore, 'readStream' | 'verifyStream'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(accountId: string, creditors?: readonly string[]): Promise<AccountView | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${selectAccountColumns} FROM ${this.t.accounts} WHERE account_id = $1 AND ($2::text[] IS NULL OR creditor_id = ANY($2))`,
      [accountId, creditors ?? null],
    );
    return rows[0] ? viewFromRow(rowFromDb(rows[0]), this.clock()) : undefined;
  }

  async list(f: AccountFilter): Promise<AccountPage> {
    const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
    const { rows } = await this.pool.query(
      `SELECT ${selectAccountColumns} FROM ${this.t.accounts}
        WHERE ($1::text IS NULL OR creditor_id = $1) AND ($2::uuid IS NULL OR debtor_id = $2) AND ($3::text IS NULL OR bucket = $3)
          AND ($4::text IS NULL OR status = $4) AND ($5::uuid IS NULL OR account_id > $5) AND ($6::text[] IS NULL OR creditor_id = ANY($6))
        ORDER BY account_id LIMIT $7`,
      [
        f.creditorId ?? null,
        f.debtorId ?? null,
        f.bucket ?? null,
        f.status ?? null,
        f.cursor ? decodeCursor(f.cursor) : null,
        f.creditors ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit).map((r) => viewFromRow(rowFromDb(r), this.clock()));
    return {
      items: page,
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].accountId) : null,
    };
  }

  /** The account's full history, oldest first; undefined when the account is unknown or out of scope. */
  async events(accountId: string, creditors?: readonly string[]): Promise<AccountEventView[] | undefined> {
    const events = await this.store.readStream(accountStreamId(accountId));
    if (!inScope(events[0], creditors)) return undefined;
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      streamVersion: e.streamVersion,
      data: plain(e.data),
      metadata: plain(e.metadata),
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
    }));
  }

  /**
   * Recomputes the account's hash chain from what is stored: whether any event was changed,
   * removed or reordered since it was appended. Undefined when the account is unknown or out of scope.
   */
  async integrity(
    accountId: string,
    creditors?: readonly string[],
  ): Promise<AccountIntegrityView | undefined> {
    const streamId = accountStreamId(accountId);
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (!inScope(first, creditors)) return undefined;
    const result = await this.store.verifyStream(streamId);
    return {
      accountId,
      intact: result.ok,
      eventsChecked: result.events,
      brokenAtVersion: result.ok ? null : result.brokenAt,
      reason: result.ok ? null : result.reason,
      verifiedAt: this.clock().toISOString(),
    };
  }
}

/** Whether a stream that starts with `first` is an account the caller may see. */
const inScope = (first: RecordedEvent | undefined, creditors: readonly string[] | undefined): boolean => {
  const creditorId =
    first?.type === 'AccountPlaced' ? (first.data as { creditorId: string }).creditorId : undefined;
  return creditorId !== undefined && (!creditors || creditors.includes(creditorId));
};
