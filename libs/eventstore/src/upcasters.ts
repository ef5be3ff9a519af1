import type { EventMetadata, RecordedEvent } from './event-store.port';

/** Old event versions are upcast on read, never rewritten: (type, v) → v + 1, chained to the latest. */
export type Upcaster = Readonly<{
  type: string;
  fromVersion: number;
  upcast: (data: unknown, context: Readonly<{ metadata: EventMetadata; streamId: string }>) => unknown;
}>;

export interface UpcasterRegistry {
  /** The schemaVersion new events of this type are stamped with (1 when no upcaster exists). */
  latestVersion(type: string): number;
  upcast<E extends RecordedEvent>(event: E): E;
}

export const createUpcasterRegistry = (upcasters: readonly Upcaster[] = []): UpcasterRegistry => {
  const byKey = new Map<string, Upcaster>();
  const latest = new Map<string, number>();
  for (const u of upcasters) {
    if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1)
      throw new Error(`Upcaster ${u.type}: fromVersion must be an integer ≥ 1`);
    const key = `${u.type}@${u.fromVersion}`;
    if (byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
    byKey.set(key, u);
    latest.set(u.type, Math.max(latest.get(u.type) ?? 1, u.fromVersion + 1));
  }
  for (const [type, version] of latest) {
    for (let v = 1; v < version; v++) {
      // A hole in the chain would leave some stored versions in an old shape on read.
      if (!byKey.has(`${type}@${v}`))
        throw new Error(`Upcaster chain for ${type} has no step from version ${v}`);
    }
  }
  return {
    latestVersion: (type) => latest.get(type) ?? 1,
    upcast: (event) => {
      if (byKey.size === 0) return event;
      let { data, schemaVersion } = event;
      for (
        let u = byKey.get(`${event.type}@${schemaVersion}`);
        u;
        u = byKey.get(`${event.type}@${schemaVersion}`)
      ) {
        data = u.upcast(data, { metadata: event.metadata, streamId: event.streamId });
        schemaVersion += 1;
      }
      return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
    },
  };
};
