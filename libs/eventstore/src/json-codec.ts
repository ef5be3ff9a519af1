/**
 * JSON for stored events that keeps bigint amounts exact and refuses what it cannot round-trip.
 * A bigint travels as `{"$bigint":"-1234"}` (a tagged string, so no float ever touches it); the
 * output is canonical (keys sorted, no whitespace), so the same value always hashes the same.
 */
export class NotSerialisable extends Error {
  override readonly name = 'NotSerialisable';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const BIGINT_TAG = '$bigint';
// In Unicode mode a valid pair is one code point, so \p{Cs} only matches a lone surrogate.
const LONE_SURROGATE = /\p{Cs}/u;

const describe = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;

const encodeString = (value: string, path: string): string => {
  if (LONE_SURROGATE.test(value)) throw new NotSerialisable(path, 'string is not well-formed Unicode (lone surrogate)');
  return JSON.stringify(value);
};

const encode = (value: unknown, path: string, seen: Set<object>): string | undefined => {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new NotSerialisable(path, `${value} is not a finite number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `{"${BIGINT_TAG}":"${value.toString()}"}`;
    case 'undefined':
      return undefined;
    case 'object':
      break;
    default:
      throw new NotSerialisable(path, `a ${typeof value} is not serialisable`);
  }
  if (value === null) return 'null';
  if (seen.has(value)) throw new NotSerialisable(path, 'circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item, i) => {
        const encoded = encode(item, `${path}[${i}]`, seen);
        if (encoded === undefined) throw new NotSerialisable(`${path}[${i}]`, 'undefined inside an array');
        return encoded;
      });
      return `[${items.join(',')}]`;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const hint = value instanceof Date ? ' (use an ISO-8601 string)' : '';
      throw new NotSerialisable(path, `a ${describe(value)} is not plain data${hint}`);
    }
    const keys = Object.keys(value).sort();
    if (keys.length === 1 && keys[0] === BIGINT_TAG) throw new NotSerialisable(path, `"${BIGINT_TAG}" is a reserved key`);
    const members: string[] = [];
    for (const key of keys) {
      const encoded = encode((value as Record<string, unknown>)[key], `${path}.${key}`, seen);
      if (encoded !== undefined) members.push(`${encodeString(key, `${path}.${key}`)}:${encoded}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
};

/** Canonical, bigint-safe JSON text. Throws `NotSerialisable` naming the offending path. */
export const stringifyJson = (value: unknown, rootName = '$'): string => {
  const encoded = encode(value, rootName, new Set());
  if (encoded === undefined) throw new NotSerialisable(rootName, 'undefined is not serialisable');
  return encoded;
};

const revive = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = (value as Record<string, unknown>)[BIGINT_TAG];
    if (typeof tagged === 'string' && Object.keys(value).length === 1) return BigInt(tagged);
  }
  return value;
};

/** Parses text written by `stringifyJson` (or any JSON), restoring bigints. */
export const parseJson = <T = unknown>(text: string): T =>
  // The reviver costs ~2x; most events carry no bigint, so only pay for it when the tag appears.
  (text.includes(`"${BIGINT_TAG}"`) ? JSON.parse(text, revive) : JSON.parse(text)) as T;

export const jsonCodec = { stringify: stringifyJson, parse: parseJson } as const;
