import type { Pool } from 'pg';
import { runSqlMigrations, type SqlMigration } from '@cartera/pg';
import type { CommunicationsTables } from '../communications.schema';

export const MIGRATIONS: readonly SqlMigration<CommunicationsTables>[] = [
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

export const migrate = (pool: Pool, t: CommunicationsTables): Promise<void> =>
  runSqlMigrations(pool, t, MIGRATIONS, 'communications');
