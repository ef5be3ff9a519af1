import { qualified } from './sql';

/** The tables one portfolio projection writes: the live ones or their `__shadow` twins during a rebuild. */
export type PortfolioTables = Readonly<{
  accounts: string;
  payments: string;
  portfolioDaily: string;
  collectionsDaily: string;
  bucketMovements: string;
  /** The live path's aggregate writer (a function, created for the live tables only: see portfolio.sql-sink). */
  deltasFunction: string;
}>;

/** Table names of the portfolio projection, in lock order (accounts first, as every write does). */
export const PORTFOLIO_TABLE_NAMES = [
  'accounts',
  'payments',
  'portfolio_daily',
  'collections_daily',
  'bucket_movements',
] as const;

export const portfolioTables = (schema: string, suffix = ''): PortfolioTables => ({
  accounts: qualified(schema, `accounts${suffix}`),
  payments: qualified(schema, `payments${suffix}`),
  portfolioDaily: qualified(schema, `portfolio_daily${suffix}`),
  collectionsDaily: qualified(schema, `collections_daily${suffix}`),
  bucketMovements: qualified(schema, `bucket_movements${suffix}`),
  deltasFunction: qualified(schema, `portfolio_apply_deltas${suffix}`),
});

export const ACCOUNT_COLUMNS = [
  ['account_id', 'uuid'],
  ['creditor_id', 'text'],
  ['debtor_id', 'uuid'],
  ['creditor_account_ref', 'text'],
  ['product', 'text'],
  ['currency', 'text'],
  ['principal', 'bigint'],
  ['interest', 'bigint'],
  ['fees', 'bigint'],
  ['balance', 'bigint'],
  ['credit_balance', 'bigint'],
  ['total_paid', 'bigint'],
  ['status', 'text'],
  ['days_past_due', 'int'],
  ['dpd_as_of', 'date'],
  ['bucket', 'text'],
  ['first_unpaid_due_date', 'date'],
  ['placed_at', 'timestamptz'],
  ['last_payment_at', 'timestamptz'],
  ['closed_on', 'date'],
  ['last_event_at', 'timestamptz'],
] as const;

export const PAYMENT_COLUMNS = [
  ['account_id', 'uuid'],
  ['payment_id', 'text'],
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['channel', 'text'],
  ['amount', 'bigint'],
  ['paid_on', 'date'],
  ['reversed_on', 'date'],
] as const;

export const PORTFOLIO_COLUMNS = [
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['bucket', 'text'],
  ['status', 'text'],
  ['day', 'date'],
  ['account_count', 'int'],
  ['balance', 'bigint'],
] as const;

export const COLLECTIONS_COLUMNS = [
  ['day', 'date'],
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['channel', 'text'],
  ['payment_count', 'int'],
  ['gross', 'bigint'],
  ['reversal_count', 'int'],
  ['reversed', 'bigint'],
  ['net', 'bigint'],
] as const;

export const MOVEMENT_COLUMNS = [
  ['day', 'date'],
  ['creditor_id', 'text'],
  ['currency', 'text'],
  ['from_bucket', 'text'],
  ['to_bucket', 'text'],
  ['account_count', 'int'],
  ['balance', 'bigint'],
] as const;
