import type { Pool } from 'pg';
import { withTransaction } from '@cartera/pg';
import type { CommunicationsTables } from '../communications.schema';

/** A numbered migration: applied once, in order, recorded in `schema_migrations`. Never edit one that shipped. */
export type Migration = Readonly<{ id: number; name: string; sql: (t: CommunicationsTables) => string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'active holds, contact profiles, contact history',
    sql: (t) => `
      -- Holds placed by case management and not lifted (HoldPlaced/HoldLifted v1).
      CREATE TABLE ${t.activeHolds} (
        hold_id text PRIMARY KEY,
        case_id uuid NOT NULL,
        debtor_id uuid NOT NULL,
        creditor_id text NOT NULL,
        reason text NOT NULL,
        account_ids uuid[] NOT NULL,
        placed_at timestamptz NOT NULL,
        ends_on date
      );
      CREATE INDEX active_holds_debtor ON ${t.activeHolds} (debtor_id);

      -- Where and how a debtor may be reached: jurisdiction, contact points, consents with provenance.
      CREATE TABLE ${t.contactProfiles} (
        debtor_id uuid PRIMARY KEY,
        creditor_id text NOT NULL,
        jurisdiction text NOT NULL,
        locale text NOT NULL,
        contact_points jsonb NOT NULL,
        consents jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Attempts and conversations, projected from the message streams (the policy's history).
      CREATE TABLE ${t.contactHistory} (
        event_id uuid PRIMARY KEY,
        debtor_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('attempt', 'conversation')),
        channel text NOT NULL,
        debt_ids uuid[] NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX contact_history_debtor ON ${t.contactHistory} (debtor_id, at);`,
  },
  {
    id: 2,
    name: 'provider messages',
    sql: (t) => `
      -- Which message a provider's id stands for: delivery webhooks and replies find their stream here.
      CREATE TABLE ${t.providerMessages} (
        provider text NOT NULL,
        provider_message_id text NOT NULL,
        message_id uuid NOT NULL,
        debtor_id uuid NOT NULL,
        channel text NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (provider, provider_message_id)
      );
      CREATE INDEX provider_messages_debtor ON ${t.providerMessages} (debtor_id, channel, sent_at DESC);`,
  },
];

/** Applies the migrations not yet recorded; an advisory lock keeps replicas starting together from racing. */
export const migrate = (pool: Pool, t: CommunicationsTables): Promise<void> =>
  withTransaction(
    pool,
    async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM ${t.migrations}`);
      const applied = new Set(rows.map((r) => r.id));
      for (const m of MIGRATIONS.filter((m) => !applied.has(m.id))) {
        await client.query(m.sql(t));
        await client.query(`INSERT INTO ${t.migrations} (id, name) VALUES ($1, $2)`, [m.id, m.name]);
      }
    },
    { advisoryLock: `cartera.communications.schema:${t.schema}` },
  );
