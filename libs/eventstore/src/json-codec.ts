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

// String.prototype.isWellFormed (ES2024, Node ≥ 20) is several times cheaper than the regex.
const nativeWellFormed = (String.prototype as unknown as { isWellFormed?: () => boolean }).isWellFormed;
const isWellFormed: (value: string) => boolean = nativeWellFormed
  ? (value) => nativeWellFormed.call(value)
  : (value) => !LONE_SURROGATE.test(value);

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

/** Thrown by the fast encoder to hand over to `encode`, which names the offending path. */
const SLOW_PATH = new Error('slow path');
// Deeper than any event a service writes; beyond it (or on a cycle) the slow path decides.
const MAX_FAST_DEPTH = 200;

/** The common case without building a path string per value; refuses by handing over to `encode`. */
const encodeFast = (value: unknown, depth: number): string | undefined => {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) throw SLOW_PATH;
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw SLOW_PATH;
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
      throw SLOW_PATH;
  }
  if (value === null) return 'null';
  if (depth > MAX_FAST_DEPTH) throw SLOW_PATH;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const encoded = encodeFast(value[i], depth + 1);
      if (encoded === undefined) throw SLOW_PATH;
      out += i === 0 ? encoded : `,${encoded}`;
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw SLOW_PATH;
  const keys = Object.keys(value).sort();
  if (keys.length === 1 && keys[0] === BIGINT_TAG) throw SLOW_PATH;
  let out = '{';
  for (const key of keys) {
    const encoded = encodeFast((value as Record<string, unknown>)[key], depth + 1);
    if (encoded === undefined) continue;
    if (!isWellFormed(key)) throw SLOW_PATH;
    out += out.length === 1 ? `${JSON.stringify(key)}:${encoded}` : `,${JSON.stringify(key)}:${encoded}`;
  }
  return `${out}}`;
};

/** Canonical, bigint-safe JSON text. Throws `NotSerialisable` naming the offending path. */
export const stringifyJson = (value: unknown, rootName = '$'): string => {
  let encoded: string | undefined;
  try {
    encoded = encodeFast(value, 0);
  } catch (error) {
    if (error !== SLOW_PATH && !(error instanceof RangeError)) throw error;
    // Refused (or nested too deep): the path-building encoder says why and where, or accepts a deep value.
    encoded = encode(value, rootName, new Set());
  }
  if (encoded === undefined) throw new NotSerialisable(rootName, 'undefined is not serialisable');
  return encoded;
};

const isBigintTag = (value: Record<string, unknown>): boolean => {
  if (typeof value[BIGINT_TAG] !== 'string') return false;
  let keys = 0;
  for (const key in value) if (++keys > 1 || key !== BIGINT_TAG) return false;
  return keys === 1;
};

/**
 * Replaces every `{"$bigint":"…"}` below `value` with a bigint, in place (JSON.parse's reviver does
 * the same at several times the cost: it calls back for every member of every value).
 */
export const reviveBigints = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object') value[i] = reviveBigints(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  if (isBigintTag(record)) return BigInt(record[BIGINT_TAG] as string);
  for (const key in record) {
    const member = record[key];
    if (member === null || typeof member !== 'object') continue;
    const revived = reviveBigints(member);
    if (revived === member) continue;
    // A member named "__proto__" (an own property from JSON.parse) must not go through the setter.
    if (key === '__proto__') Object.defineProperty(record, key, { value: revived, writable: true, enumerable: true, configurable: true });
    else record[key] = revived;
  }
  return value;
};

/** True when `text` may carry a tagged bigint, so `reviveBigints` is worth a walk. */
export const mayHoldBigint = (text: string): boolean => text.includes(`"${BIGINT_TAG}"`);

/** Parses text written by `stringifyJson` (or any JSON), restoring bigints. */
export const parseJson = <T = unknown>(text: string): T =>
  // Most events carry no bigint, so only walk the value when the tag appears in the text.
  (mayHoldBigint(text) ? reviveBigints(JSON.parse(text)) : JSON.parse(text)) as T;

export const jsonCodec = { stringify: stringifyJson, parse: parseJson } as const;
