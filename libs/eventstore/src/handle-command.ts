import type { Command, Decider, Event } from '@cartera/decider';
import { EventMetadata, EventStore, NewEvent, WrongExpectedVersion } from './event-store.port';

export type HandleCommandOptions = Readonly<{
  metadata?: EventMetadata;
  /** Ids of the new events, by index: give them (e.g. `eventIdsFromMessage(messageId)`) to make a redelivery idempotent. */
  eventIds?: readonly string[] | ((index: number) => string);
  /** Business time of the new events. Default: the append time. */
  occurredAt?: Date;
  /**
   * Retries after a concurrent writer won the race (WrongExpectedVersion), each on the re-read
   * stream. Default 16, enough for 16 writers on one stream; 0 when the caller must see the conflict.
   */
  maxRetries?: number;
}>;

export type HandleCommandResult<State, Evt> = Readonly<{
  newEvents: Evt[];
  newState: State;
  /** The stream's version after the command (-1: the stream still does not exist). */
  nextExpectedVersion: number;
}>;

/** Exponential backoff with full jitter: writers that collided spread out instead of colliding again. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(100, 2 * 2 ** attempt);

/**
 * Read the stream, fold it, decide, append with expectedVersion = the version folded. A concurrent
 * append makes the append fail with WrongExpectedVersion; the whole read–decide–append is then
 * retried on the new state (bounded attempts, jittered backoff), so the decision is always taken on
 * the latest history and a client sees a conflict only when the decision itself refuses.
 */
export const handleCommand = async <State, Cmd extends Command, Evt extends Event>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Cmd, Evt>,
  command: Cmd,
  options: HandleCommandOptions = {},
): Promise<HandleCommandResult<State, Evt>> => {
  const maxRetries = options.maxRetries ?? 16;
  for (let attempt = 0; ; attempt++) {
    const history = await store.readStream(streamId);
    // Recorded events carry type and data, so the decider folds them as its own event type.
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as Evt), decider.initialState());
    const version = history.length === 0 ? -1 : history[history.length - 1].streamVersion;
    const newEvents = decider.decide(command, state);
    const newState = newEvents.reduce(decider.evolve, state);
    if (newEvents.length === 0) return { newEvents, newState, nextExpectedVersion: version };
    const toAppend: NewEvent[] = newEvents.map((e, i) => ({
      type: e.type,
      data: e.data,
      ...(idAt(options.eventIds, i) ? { id: idAt(options.eventIds, i) } : {}),
      ...(options.metadata ? { metadata: options.metadata } : {}),
      ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
    }));
    try {
      const result = await store.appendToStream(streamId, toAppend, {
        expectedVersion: version === -1 ? 'no_stream' : version,
      });
      return { newEvents, newState, nextExpectedVersion: result.nextExpectedVersion };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= maxRetries) throw error;
      await new Promise((r) => setTimeout(r, backoffMs(attempt)));
    }
  }
};

const idAt = (ids: HandleCommandOptions['eventIds'], index: number): string | undefined =>
  typeof ids === 'function' ? ids(index) : ids?.[index];
