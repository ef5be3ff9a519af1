/**
 * JSON for stored events: a bigint travels as `{"$bigint":"-1234"}` (never a float) and the output is
 * canonical (keys sorted, no whitespace) so one value always hashes the same; refuses what won't round-trip.
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
  if (LONE_SURROGATE.test(value))
    throw new NotSerialisable(path, 'string is not well-formed Unicode (lone surrogate)');
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
    if (keys.length === 1 && keys[0] === BIGINT_TAG)
      throw new NotSerialisable(path, `"${BIGINT_TAG}" is a reserved key`);
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

/**
 * How to write an object with one list of own keys, sorted and quoted once: a plan cache, kept until
 * measured without it (docs/benchmarks.md); keys are interned strings compared by pointer.
 */
type KeyPlan = Readonly<{ keys: readonly string[]; sorted: readonly string[]; prefixes: readonly string[] }>;
const plansByFirstKey = new Map<string, KeyPlan[]>();
let planCount = 0;
// Bounds the memory of objects keyed by data (maps of ids and the like): beyond it, plans are not kept.
const MAX_PLANS = 1024;
const MAX_PLANNED_KEYS = 64;

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const planFor = (keys: string[]): KeyPlan => {
  const candidates = plansByFirstKey.get(keys[0]);
  if (candidates !== undefined) for (const plan of candidates) if (sameKeys(plan.keys, keys)) return plan;
  for (const key of keys) if (!isWellFormed(key)) throw SLOW_PATH;
  const sorted = keys.slice().sort();
  const plan: KeyPlan = { keys, sorted, prefixes: sorted.map((key) => `${JSON.stringify(key)}:`) };
  if (planCount < MAX_PLANS && keys.length <= MAX_PLANNED_KEYS) {
    planCount++;
    if (candidates !== undefined) candidates.push(plan);
    else plansByFirstKey.set(keys[0], [plan]);
  }
  return plan;
};

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
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (keys.length === 1 && keys[0] === BIGINT_TAG) throw SLOW_PATH;
  const { sorted, prefixes } = planFor(keys);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const encoded = encodeFast((value as Record<string, unknown>)[sorted[i]], depth + 1);
    if (encoded === undefined) continue;
    out += out.length === 0 ? `{${prefixes[i]}${encoded}` : `,${prefixes[i]}${encoded}`;
  }
  return out.length === 0 ? '{}' : `${out}}`;
};

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
  // V8 keeps a `+=`-built text as a rope; reading one character flattens it once here instead of in
  // every later use (the hash, the batch's join, the socket write).
  encoded.charCodeAt(0);
  return encoded;
};

const isBigintTag = (value: Record<string, unknown>): boolean => {
  if (typeof value[BIGINT_TAG] !== 'string') return false;
  let keys = 0;
  for (const key in value) if (++keys > 1 || key !== BIGINT_TAG) return false;
  return keys === 1;
};

/** Replaces every `{"$bigint":"…"}` below `value` with a bigint, in place (a reviver is far slower). */
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
    if (key === '__proto__')
      Object.defineProperty(record, key, {
        value: revived,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else record[key] = revived;
  }
  return value;
};

/** True when `text` may carry a tagged bigint, so `reviveBigints` is worth a walk. */
export const mayHoldBigint = (text: string): boolean => text.includes(`"${BIGINT_TAG}"`);

export const parseJson = <T = unknown>(text: string): T =>
  // Most events carry no bigint, so only walk the value when the tag appears in the text.
  (mayHoldBigint(text) ? reviveBigints(JSON.parse(text)) : JSON.parse(text)) as T;
