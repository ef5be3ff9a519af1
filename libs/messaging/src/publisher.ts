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
  /**
   * Explicit mapping, domain event → contract messages (undefined or [] : not published). It gets
   * the whole batch so a mapper that needs state (a balance after the change) can read it once per
   * stream and batch; it must return messages in the events' order.
   */
  map: (events: readonly RecordedEvent[]) => Promise<readonly MappedEvent[]> | readonly MappedEvent[];
  filter?: EventFilter;
  batchSize?: number;
  /** The subscription stops on a failure (nothing is skipped); restart it after fixing the cause. */
  onError?: (error: SubscriptionError) => void;
}>;

/** One contract message and the domain event it came from (several messages may share one event). */
export type MappedEvent = Readonly<{ event: RecordedEvent; message: ContractMessage; index?: number }>;

/** Adapts a one-event-at-a-time mapping to the batch mapper. */
export const mapEach =
  (map: (event: RecordedEvent) => ContractMessage | readonly ContractMessage[] | undefined) =>
  (events: readonly RecordedEvent[]): MappedEvent[] =>
    events.flatMap((event) => {
      const mapped = map(event);
      const list = mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped as ContractMessage];
      return list.map((message, index) => ({ event, message, index }));
    });

/** The outgoing message of a mapped event: message id = event id, so a republished batch is recognised. */
export const toOutgoing = (event: RecordedEvent, mapped: ContractMessage, index = 0): OutgoingMessage => ({
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
 * Publishes a service's integration events from its own event store: a checkpointed subscription
 * that maps each batch, publishes it and lets the store save the checkpoint only after the bus
 * acknowledged. The subscription's lock makes it one active publisher however many replicas run;
 * after a crash it resumes from the checkpoint, so nothing committed stays unpublished (a batch
 * published just before the crash is published again; consumers' inboxes drop the repeat).
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
