import {
  deterministicEventId,
  type EventFilter,
  type EventStore,
  type RecordedEvent,
  type Subscription,
  type SubscriptionError,
} from '@cartera/eventstore';
import type { Bus, OutgoingMessage } from './bus.port';

/** A domain event's public face: the contract message it becomes, or nothing if it stays private. */
export type ContractMessage = Readonly<{
  /** Defaults to the publisher's topic. */
  topic?: string;
  /** The debtor id: the partition key that keeps one debtor's events ordered. */
  key: string;
  type: string;
  schemaVersion: number;
  payload: unknown;
}>;

export type PublisherOptions = Readonly<{
  /** The service's own event store: the outbox. */
  store: Pick<EventStore, 'subscribe'>;
  bus: Bus;
  /** The service's name; the checkpoint (and single-instance lock) is `publisher:<name>`. */
  name: string;
  topic: string;
  /** Domain events → contract messages in the events' order ([] keeps them private); a batch at a time. */
  map: (events: readonly RecordedEvent[]) => Promise<readonly MappedEvent[]> | readonly MappedEvent[];
  filter?: EventFilter;
  batchSize?: number;
  /** The subscription stops on a failure (nothing is skipped); restart it after fixing the cause. */
  onError?: (error: SubscriptionError) => void;
}>;

/** One contract message and the domain event it came from (several messages may share one event). */
export type MappedEvent = Readonly<{ event: RecordedEvent; message: ContractMessage; index?: number }>;

/** The outgoing message of a mapped event: message id = event id, so a republished batch is recognised. */
const toOutgoing = (event: RecordedEvent, mapped: ContractMessage, index = 0): OutgoingMessage => ({
  key: mapped.key,
  // The first message of an event keeps the event id; further ones derive from it deterministically.
  messageId: index === 0 ? event.id : deterministicEventId(event.id, index),
  type: mapped.type,
  schemaVersion: mapped.schemaVersion,
  payload: mapped.payload,
  occurredAt: event.occurredAt,
  correlationId: event.metadata.correlationId ?? event.id,
  ...(event.metadata.causationId ? { causationId: event.metadata.causationId } : {}),
  ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
});

/**
 * Publishes from the service's own event store (the outbox): a checkpointed subscription whose checkpoint
 * moves only after the bus acknowledged; a crash republishes at most the last batch, inboxes drop it.
 */
export const startPublisher = (options: PublisherOptions): Subscription =>
  options.store.subscribe({
    checkpointName: `publisher:${options.name}`,
    from: 'start',
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    handler: async (events) => {
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const { event, message, index } of await options.map(events)) {
        const topic = message.topic ?? options.topic;
        const list = byTopic.get(topic) ?? [];
        list.push(toOutgoing(event, message, index));
        byTopic.set(topic, list);
      }
      for (const [topic, messages] of byTopic) await options.bus.publish(topic, messages);
    },
  });
