import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './read-model-schema';

// Version 1 of reporting's read models, as the entities in read-models/ describe them. IF NOT
// EXISTS: a database whose tables TypeORM synchronize created before migrations existed is adopted as is.
const tables = (s: string): string[] => [
  `CREATE TABLE IF NOT EXISTS ${s}.accounts (
    account_id uuid PRIMARY KEY, creditor_id text NOT NULL, debtor_id uuid NOT NULL, creditor_account_ref text NOT NULL,
    product text NOT NULL, currency character(3) NOT NULL, principal bigint NOT NULL, interest bigint NOT NULL,
    fees bigint NOT NULL, balance bigint NOT NULL, credit_balance bigint NOT NULL, total_paid bigint NOT NULL,
    status text NOT NULL, days_past_due integer, dpd_as_of date, bucket text NOT NULL, first_unpaid_due_date date NOT NULL,
    placed_at timestamptz NOT NULL, last_payment_at timestamptz, closed_on date, last_event_at timestamptz NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS accounts_debtor_idx ON ${s}.accounts (debtor_id)`,
  `CREATE INDEX IF NOT EXISTS accounts_creditor_idx ON ${s}.accounts (creditor_id, account_id)`,
  `CREATE TABLE IF NOT EXISTS ${s}.bucket_movements (
    day date NOT NULL, creditor_id text NOT NULL, currency character(3) NOT NULL, from_bucket text NOT NULL,
    to_bucket text NOT NULL, account_count integer NOT NULL, balance bigint NOT NULL,
    PRIMARY KEY (day, creditor_id, currency, from_bucket, to_bucket))`,
  `CREATE TABLE IF NOT EXISTS ${s}.collections_daily (
    day date NOT NULL, creditor_id text NOT NULL, currency character(3) NOT NULL, channel text NOT NULL,
    payment_count integer NOT NULL, gross bigint NOT NULL, reversal_count integer NOT NULL, reversed bigint NOT NULL,
    net bigint NOT NULL, PRIMARY KEY (day, creditor_id, currency, channel))`,
  `CREATE TABLE IF NOT EXISTS ${s}.payments (
    account_id uuid NOT NULL, payment_id text NOT NULL, creditor_id text NOT NULL, currency character(3) NOT NULL,
    channel text NOT NULL, amount bigint NOT NULL, paid_on date NOT NULL, reversed_on date,
    PRIMARY KEY (account_id, payment_id))`,
  `CREATE TABLE IF NOT EXISTS ${s}.portfolio_daily (
    creditor_id text NOT NULL, currency character(3) NOT NULL, bucket text NOT NULL, status text NOT NULL,
    day date NOT NULL, account_count integer NOT NULL, balance bigint NOT NULL,
    PRIMARY KEY (creditor_id, currency, bucket, status, day))`,
  `CREATE TABLE IF NOT EXISTS ${s}.debtor_timeline (
    message_id text PRIMARY KEY, debtor_id text NOT NULL, occurred_at timestamptz NOT NULL, source text NOT NULL,
    topic text NOT NULL, partition integer NOT NULL, "offset" bigint NOT NULL, type text NOT NULL,
    schema_version integer NOT NULL, creditor_id text, account_id text, payload jsonb NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS debtor_timeline_debtor_idx ON ${s}.debtor_timeline (debtor_id, occurred_at, topic, partition, "offset")`,
];

const COMMENTS: Record<string, string> = {
  accounts: 'One row per placed account: balance by component, payments, status and delinquency.',
  bucket_movements: 'Per business day, accounts and balances moving from one delinquency bucket to another.',
  collections_daily: 'Payments and reversals per business day, creditor, currency and channel.',
  payments: 'Payments posted per account, with their channel and reversal.',
  portfolio_daily:
    'Daily series of the portfolio: count and balance per creditor, currency, bucket and status as of the end of day.',
  debtor_timeline:
    'Every contract event about a debtor from every topic, in business-time order, personal data removed.',
};

export class ReportingReadModels1764806400000 implements MigrationInterface {
  name = 'ReportingReadModels1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const sql of tables(s)) await queryRunner.query(sql);
    for (const [table, comment] of Object.entries(COMMENTS))
      await queryRunner.query(`COMMENT ON TABLE ${s}.${table} IS '${comment.replace(/'/g, "''")}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of Object.keys(COMMENTS).reverse()) await queryRunner.query(`DROP TABLE ${s}.${table}`);
  }
}
