import type { AllStreamResolvedEvent, Filter, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@kurrent/kurrentdb-client';
import { EventMetadata, GlobalPosition, InvalidEventStoreInput, RecordedEvent } from '../event-store.port';
import { ChainedEvent } from '../hash-chain';
import { parseJson } from '../json-codec';
import type { UpcasterRegistry } from '../upcasters';

/** Kept in each event's metadata next to the caller's: envelope fields KurrentDB lacks, the chain link. */
export const ENVELOPE_KEY = '$cartera';
export type EnvelopeMetadata = Readonly<{ schemaVersion: number; occurredAt: string; hash: string }>;

/** A $all position as two zero-padded 20-digit numbers: string order = (commit, prepare) order. */
export const formatKurrentPosition = (p: Position): GlobalPosition =>
  `${p.commit.toString().padStart(20, '0')}/${p.prepare.toString().padStart(20, '0')}` as GlobalPosition;

export const parseKurrentPosition = (position: string): Position => {
  const match = /^(\d{20})\/(\d{20})$/.exec(position);
  if (!match) throw new InvalidEventStoreInput(`Not a KurrentDB position: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Server-side filter ($all allows one: stream names or event types); system events are always left out. */
export const serverFilter = (categories: string[] | undefined, types: string[] | undefined): Filter =>
  categories
    ? streamNameFilter({ regex: `^(?:${categories.map(escape).join('|')})(?:-|$)` })
    : types
      ? eventTypeFilter({ regex: `^(?:${types.map(escape).join('|')})$` })
      : excludeSystemEvents();

type KEvent = NonNullable<ResolvedEvent['event']>;

/** Splits stored metadata into the caller's (as canonical text) and the adapter's envelope. */
const splitMetadata = (stored: unknown): { metadataJson: string; envelope: EnvelopeMetadata | undefined } => {
  if (!stored || typeof stored !== 'object' || stored instanceof Uint8Array)
    return { metadataJson: '{}', envelope: undefined };
  const { [ENVELOPE_KEY]: envelope, ...rest } = stored as Record<string, unknown>;
  // Stored from canonical text and parsed in key order, so JSON.stringify gives the canonical text back.
  return { metadataJson: JSON.stringify(rest), envelope: envelope as EnvelopeMetadata | undefined };
};

export const toChained = (e: KEvent): ChainedEvent => {
  const { metadataJson, envelope } = splitMetadata(e.metadata);
  return {
    id: e.id,
    type: e.type,
    schemaVersion: envelope?.schemaVersion ?? 1,
    streamId: e.streamId,
    occurredAt: new Date(envelope?.occurredAt ?? e.created),
    dataJson: e.isJson ? JSON.stringify(e.data) : 'null',
    metadataJson,
    streamVersion: Number(e.revision),
    hash: envelope?.hash ? Buffer.from(envelope.hash, 'hex') : undefined,
  };
};

export const toRecorded = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  upcasters: UpcasterRegistry,
): RecordedEvent | undefined => {
  const e = resolved.event;
  if (!e || e.type.startsWith('$') || !e.position) return undefined;
  const c = toChained(e);
  return upcasters.upcast({
    id: c.id,
    type: c.type,
    schemaVersion: c.schemaVersion,
    streamId: c.streamId,
    streamVersion: c.streamVersion,
    globalPosition: formatKurrentPosition(e.position),
    data: parseJson(c.dataJson),
    metadata: parseJson<EventMetadata>(c.metadataJson),
    occurredAt: c.occurredAt,
    recordedAt: e.created,
  });
};
