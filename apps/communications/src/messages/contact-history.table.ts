import type { EventStore, RecordedEvent, Subscription } from '@cartera/eventstore';
import type { MessageReplied, MessageSent } from '@cartera/communications-domain';
import type { PoolClient } from 'pg';
import type { CommunicationsTables } from '../communications.schema';

type ContactRow = Readonly<{
  eventId: string;
  debtorId: string;
  kind: string;
  channel: string;
  debtIds: string[];
  at: string;
}>;

/** A sent message is an attempt; a reply is a conversation (about every debt of the message). */
const rowOf = (e: RecordedEvent): ContactRow | undefined => {
  if (e.type === 'MessageSent') {
    const d = e.data as MessageSent['data'];
    return {
      eventId: e.id,
      debtorId: d.debtorId,
      kind: 'attempt',
      channel: d.channel,
      debtIds: d.debtIds,
      at: d.sentAt,
    };
  }
  if (e.type === 'MessageReplied') {
    const d = e.data as MessageReplied['data'];
    return {
      eventId: e.id,
      debtorId: d.debtorId,
      kind: 'conversation',
      channel: d.channel,
      debtIds: d.debtIds,
      at: d.repliedAt,
    };
  }
  return undefined;
};

const indexProviderIds = async (
  client: PoolClient,
  t: CommunicationsTables,
  events: readonly RecordedEvent[],
) => {
  const sent = events.filter((e) => e.type === 'MessageSent');
  if (sent.length === 0) return;
  const rows = sent.map((e) => {
    const d = e.data as MessageSent['data'];
    const messageId = e.streamId.slice('message-'.length);
    return {
      provider: d.provider,
      provider_message_id: d.providerMessageId,
      message_id: messageId,
      debtor_id: d.debtorId,
      channel: d.channel,
      sent_at: d.sentAt,
    };
  });
  await client.query(
    `INSERT INTO ${t.providerMessages} (provider, provider_message_id, message_id, debtor_id, channel, sent_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS e(provider text, provider_message_id text, message_id uuid, debtor_id uuid, channel text, sent_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
};

const apply = async (client: PoolClient, t: CommunicationsTables, events: readonly RecordedEvent[]) => {
  await indexProviderIds(client, t, events);
  const rows = events.map(rowOf).filter((r): r is ContactRow => r !== undefined);
  if (rows.length === 0) return;
  // Keyed by event id: a batch replayed after a crash inserts nothing twice.
  await client.query(
    `INSERT INTO ${t.contactHistory} (event_id, debtor_id, kind, channel, debt_ids, at)
     SELECT e.event_id, e.debtor_id, e.kind, e.channel, ARRAY(SELECT jsonb_array_elements_text(e.debt_ids))::uuid[], e.at
     FROM jsonb_to_recordset($1::jsonb) AS e(event_id uuid, debtor_id uuid, kind text, channel text, debt_ids jsonb, at timestamptz)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      JSON.stringify(
        rows.map((r) => ({
          event_id: r.eventId,
          debtor_id: r.debtorId,
          kind: r.kind,
          channel: r.channel,
          debt_ids: r.debtIds,
          at: r.at,
        })),
      ),
    ],
  );
};

/** The contact history the policy reads (and the provider-id index of webhooks): one active instance (subscription lock), rows committed with the checkpoint. */
export const startContactHistory = (
  store: Pick<EventStore, 'subscribe'>,
  t: CommunicationsTables,
): Subscription =>
  store.subscribe({
    checkpointName: 'projection:contact_history',
    filter: { categories: ['message'] },
    handler: (events, { client }) => apply(client, t, events),
    onError: (error) => console.error(error.message),
  });
