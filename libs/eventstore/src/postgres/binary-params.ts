/**
 * Array parameters in PostgreSQL's binary format (array_recv layout), for the append's one statement:
 * kept until measured without them against pg's array literals (docs/benchmarks.md).
 * The statement declares each parameter's type (`$1::uuid[]`); the server refuses a mismatched element.
 */
const OID = { int4: 23, int8: 20, text: 25, json: 114, uuid: 2950, timestamptz: 1184 } as const;

const header = (buffer: Buffer, length: number, hasNulls: boolean, oid: number): number => {
  buffer.writeInt32BE(length === 0 ? 0 : 1, 0);
  buffer.writeInt32BE(hasNulls ? 1 : 0, 4);
  buffer.writeUInt32BE(oid, 8);
  if (length === 0) return 12;
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16);
  return 20;
};

const TWO_32 = 2 ** 32;

/** A safe integer as a big-endian int64 (no BigInt: two 32-bit halves). */
const writeInt64 = (buffer: Buffer, value: number, at: number): void => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  const high = Math.floor(value / TWO_32);
  buffer.writeInt32BE(high, at);
  buffer.writeUInt32BE(value - high * TWO_32, at + 4);
};

export const int4Array = (values: readonly number[]): Buffer => {
  const buffer = Buffer.allocUnsafe(20 + 8 * values.length);
  let at = header(buffer, values.length, false, OID.int4);
  for (const value of values) {
    buffer.writeInt32BE(4, at);
    buffer.writeInt32BE(value, at + 4);
    at += 8;
  }
  return buffer.subarray(0, at);
};

export const int8Array = (values: readonly (number | null)[]): Buffer => {
  const buffer = Buffer.allocUnsafe(20 + 12 * values.length);
  let at = header(buffer, values.length, values.includes(null), OID.int8);
  for (const value of values) {
    if (value === null) {
      buffer.writeInt32BE(-1, at);
      at += 4;
    } else {
      buffer.writeInt32BE(8, at);
      writeInt64(buffer, value, at + 4);
      at += 12;
    }
  }
  return buffer.subarray(0, at);
};

/** text[] or json[] (json's binary form is its text): each element written once as UTF-8. */
const utf8Array = (oid: number, values: readonly string[]): Buffer => {
  let units = 0;
  for (const value of values) units += value.length;
  // Worst case 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
  const buffer = Buffer.allocUnsafe(20 + 4 * values.length + 3 * units);
  let at = header(buffer, values.length, false, oid);
  for (const value of values) {
    const written = buffer.write(value, at + 4);
    buffer.writeInt32BE(written, at);
    at += 4 + written;
  }
  return buffer.subarray(0, at);
};

export const textArray = (values: readonly string[]): Buffer => utf8Array(OID.text, values);
export const jsonArray = (texts: readonly string[]): Buffer => utf8Array(OID.json, texts);

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;

/** uuid[] from canonical texts (8-4-4-4-12 hex digits; either case). */
export const uuidArray = (values: readonly string[]): Buffer => {
  const buffer = Buffer.allocUnsafe(20 + 20 * values.length);
  let at = header(buffer, values.length, false, OID.uuid);
  for (const value of values) {
    if (value.length !== 36) throw new RangeError(`not a UUID: ${value}`);
    buffer.writeInt32BE(16, at);
    at += 4;
    for (let i = 0; i < 36; i += 2) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (value.charCodeAt(i) !== 0x2d) throw new RangeError(`not a UUID: ${value}`);
        i++;
      }
      const high = HEX[value.charCodeAt(i)] ?? -1;
      const low = HEX[value.charCodeAt(i + 1)] ?? -1;
      if (high < 0 || low < 0) throw new RangeError(`not a UUID: ${value}`);
      buffer[at++] = (high << 4) | low;
    }
  }
  return buffer.subarray(0, at);
};

/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z), its binary time origin. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

export const timestamptzArray = (epochMs: readonly number[]): Buffer => {
  const buffer = Buffer.allocUnsafe(20 + 12 * epochMs.length);
  let at = header(buffer, epochMs.length, false, OID.timestamptz);
  for (const ms of epochMs) {
    if (!Number.isSafeInteger(ms)) throw new RangeError(`not a time in whole milliseconds: ${ms}`);
    // Microseconds pass 2^53 after the year 2285: multiply the halves of the milliseconds instead.
    const since = ms - POSTGRES_EPOCH_MS;
    const msHigh = Math.floor(since / TWO_32);
    const lowMicros = (since - msHigh * TWO_32) * 1000;
    const carry = Math.floor(lowMicros / TWO_32);
    buffer.writeInt32BE(8, at);
    buffer.writeInt32BE(msHigh * 1000 + carry, at + 4);
    buffer.writeUInt32BE(lowMicros - carry * TWO_32, at + 8);
    at += 12;
  }
  return buffer.subarray(0, at);
};
