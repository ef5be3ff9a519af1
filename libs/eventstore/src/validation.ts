import {
  AppendOptions,
  ExpectedVersion,
  InvalidEventStoreInput,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
} from './event-store.port';
import { newEventId, isUuid } from './event-ids';
import { NotSerialisable, stringifyJson } from './json-codec';
import type { UpcasterRegistry } from './upcasters';

/** Limits both adapters enforce, so a stream id valid on one is valid on the other. */
const MAX_STREAM_ID_BYTES = 200;
const MAX_EVENT_TYPE_LENGTH = 200;
const MAX_EVENTS_PER_APPEND = 10_000;
/** KurrentDB's default maximum event size is 16 MiB; stay below it with the envelope. */
const MAX_EVENT_BYTES = 8 * 1024 * 1024;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const validateStreamId = (streamId: unknown): string => {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidEventStoreInput('streamId must be a non-empty string');
  if (Buffer.byteLength(streamId, 'utf8') > MAX_STREAM_ID_BYTES) {
    throw new InvalidEventStoreInput(
      `streamId is longer than ${MAX_STREAM_ID_BYTES} bytes: ${streamId.slice(0, 40)}…`,
    );
  }
  if (CONTROL.test(streamId))
    throw new InvalidEventStoreInput('streamId must not contain control characters');
  if (streamId.startsWith('$'))
    throw new InvalidEventStoreInput(
      `streamId must not start with '$' (reserved for system streams): ${streamId}`,
    );
  if (streamId.trim() !== streamId)
    throw new InvalidEventStoreInput('streamId must not start or end with whitespace');
  return streamId;
};

const validateExpectedVersion = (expected: unknown): ExpectedVersion => {
  if (expected === undefined) return 'any';
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= -1)
    return expected === -1 ? 'no_stream' : expected;
  throw new InvalidEventStoreInput(
    `expectedVersion must be an integer ≥ -1, 'no_stream', 'stream_exists' or 'any'; got ${JSON.stringify(expected) ?? String(expected)}`,
  );
};

/** An event ready for either adapter: id fixed, data and metadata as canonical JSON text. */
export type PreparedEvent = Readonly<{
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  occurredAt: Date;
}>;

export type PreparedAppend = Readonly<{
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly PreparedEvent[];
}>;

/** Metadata texts made in this call, by object: the events of one append usually share one object. */
type MetadataTexts = Map<object, string>;

const prepareEvent = (
  e: NewEvent,
  i: number,
  now: Date,
  upcasters: UpcasterRegistry,
  metadataTexts: MetadataTexts,
): PreparedEvent => {
  if (e === null || typeof e !== 'object') throw new InvalidEventStoreInput(`events[${i}] must be an object`);
  const { type } = e;
  if (
    typeof type !== 'string' ||
    type.length === 0 ||
    type.length > MAX_EVENT_TYPE_LENGTH ||
    CONTROL.test(type)
  ) {
    throw new InvalidEventStoreInput(
      `events[${i}].type must be a non-empty string of at most ${MAX_EVENT_TYPE_LENGTH} characters`,
    );
  }
  if (e.id !== undefined && !isUuid(e.id))
    throw new InvalidEventStoreInput(`events[${i}].id must be a UUID, got ${String(e.id)}`);
  // New events are written in the latest shape, so default to the version the upcasters lead to.
  const schemaVersion = e.schemaVersion ?? upcasters.latestVersion(type);
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1)
    throw new InvalidEventStoreInput(`events[${i}].schemaVersion must be an integer ≥ 1`);
  const occurredAt = e.occurredAt ?? now;
  if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime()))
    throw new InvalidEventStoreInput(`events[${i}].occurredAt must be a valid Date`);
  if (
    e.metadata !== undefined &&
    (e.metadata === null || typeof e.metadata !== 'object' || Array.isArray(e.metadata))
  ) {
    throw new InvalidEventStoreInput(`events[${i}].metadata must be an object`);
  }
  let dataJson: string;
  let metadataJson: string;
  try {
    dataJson = stringifyJson(e.data, `events[${i}].data`);
    // Same object within one (synchronous) call means same content: serialise it once.
    const known = e.metadata === undefined ? undefined : metadataTexts.get(e.metadata);
    metadataJson = known ?? stringifyJson(e.metadata ?? {}, `events[${i}].metadata`);
    if (known === undefined && e.metadata !== undefined) metadataTexts.set(e.metadata, metadataJson);
  } catch (error) {
    if (error instanceof NotSerialisable)
      throw new InvalidEventStoreInput(`Event data is not serialisable: ${error.message}`);
    throw error;
  }
  if (dataJson.length + metadataJson.length > MAX_EVENT_BYTES)
    throw new InvalidEventStoreInput(`events[${i}] is larger than ${MAX_EVENT_BYTES} bytes`);
  return {
    id: (e.id ?? newEventId()).toLowerCase(),
    type,
    schemaVersion,
    dataJson,
    metadataJson,
    occurredAt,
  };
};

/** Everything both adapters check before touching storage: bad input never writes anything. */
export const prepareAppend = (
  streamId: unknown,
  events: unknown,
  options: AppendOptions | undefined,
  upcasters: UpcasterRegistry,
  now = new Date(),
): PreparedAppend => prepareAppendWith(streamId, events, options, upcasters, now, new Map());

const prepareAppendWith = (
  streamId: unknown,
  events: unknown,
  options: AppendOptions | undefined,
  upcasters: UpcasterRegistry,
  now: Date,
  metadataTexts: MetadataTexts,
): PreparedAppend => {
  const id = validateStreamId(streamId);
  const expectedVersion = validateExpectedVersion(options?.expectedVersion);
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidEventStoreInput('events must be a non-empty array');
  if (events.length > MAX_EVENTS_PER_APPEND)
    throw new InvalidEventStoreInput(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  const prepared = events.map((e: NewEvent, i) => prepareEvent(e, i, now, upcasters, metadataTexts));
  if (repeatsAnId(prepared))
    throw new InvalidEventStoreInput('the same event id appears twice in one append');
  return { streamId: id, expectedVersion, events: prepared };
};

/** Appends are mostly one to a few events: below this, comparing pairs is cheaper than a Set. */
const repeatsAnId = (events: readonly PreparedEvent[]): boolean => {
  if (events.length > 8) return new Set(events.map((e) => e.id)).size !== events.length;
  for (let i = 1; i < events.length; i++)
    for (let j = 0; j < i; j++) if (events[i].id === events[j].id) return true;
  return false;
};

/** Most events one `appendToStreams` call takes, all items together. */
const MAX_EVENTS_PER_MULTI_APPEND = 50_000;

export type StreamAppend = Readonly<{
  streamId: string;
  events: readonly NewEvent[];
  expectedVersion?: ExpectedVersion;
}>;

/** `prepareAppend` for each item of a multi-stream append, plus what only a batch can get wrong. */
export const prepareAppends = (
  items: unknown,
  upcasters: UpcasterRegistry,
  now = new Date(),
): PreparedAppend[] => {
  if (!Array.isArray(items) || items.length === 0)
    throw new InvalidEventStoreInput('items must be a non-empty array');
  const streams = new Set<string>();
  const ids = new Set<string>();
  let total = 0;
  const metadataTexts: MetadataTexts = new Map();
  return items.map((item: StreamAppend, i) => {
    if (item === null || typeof item !== 'object')
      throw new InvalidEventStoreInput(`items[${i}] must be an object`);
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppendWith(
        item.streamId,
        item.events,
        { expectedVersion: item.expectedVersion },
        upcasters,
        now,
        metadataTexts,
      );
    } catch (error) {
      if (error instanceof InvalidEventStoreInput)
        throw new InvalidEventStoreInput(`items[${i}]: ${error.message}`);
      throw error;
    }
    // One head row per stream per call: the versions of a second item would depend on the first.
    if (streams.has(prepared.streamId))
      throw new InvalidEventStoreInput(`items[${i}]: stream ${prepared.streamId} appears twice in one call`);
    streams.add(prepared.streamId);
    for (const e of prepared.events) {
      if (ids.has(e.id))
        throw new InvalidEventStoreInput(`items[${i}]: event id ${e.id} appears twice in one call`);
      ids.add(e.id);
    }
    total += prepared.events.length;
    if (total > MAX_EVENTS_PER_MULTI_APPEND)
      throw new InvalidEventStoreInput(
        `at most ${MAX_EVENTS_PER_MULTI_APPEND} events per appendToStreams call`,
      );
    return prepared;
  });
};

const validateCount = (name: string, value: unknown, min: number): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new InvalidEventStoreInput(`${name} must be an integer ≥ ${min}`);
  return value;
};

const validateDate = (name: string, value: unknown): Date | undefined => {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new InvalidEventStoreInput(`${name} must be a valid Date`);
  return value;
};

export type ValidReadStream = Readonly<{
  from: number | undefined;
  backwards: boolean;
  maxCount: number | undefined;
  recordedAt: Date | undefined;
  occurredAt: Date | undefined;
}>;

export const validateReadStream = (options: ReadStreamOptions = {}): ValidReadStream => {
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards')
    throw new InvalidEventStoreInput(`direction must be 'forwards' or 'backwards'`);
  return {
    from: validateCount('from', options.from, 0),
    backwards: direction === 'backwards',
    maxCount: validateCount('maxCount', options.maxCount, 1),
    recordedAt: validateDate('asOf.recordedAt', options.asOf?.recordedAt),
    occurredAt: validateDate('asOf.occurredAt', options.asOf?.occurredAt),
  };
};

export const validateReadAll = (options: ReadAllOptions = {}) => ({
  maxCount: validateCount('maxCount', options.maxCount, 1),
  categories: validateNames('filter.categories', options.filter?.categories),
  types: validateNames('filter.types', options.filter?.types),
});

export const validateNames = (name: string, values: unknown): string[] | undefined => {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new InvalidEventStoreInput(`${name} must be an array of non-empty strings`);
  }
  return values as string[];
};
