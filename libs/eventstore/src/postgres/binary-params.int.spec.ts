import { useTestDatabase } from '@cartera/testing';
import { int4Array, int8Array, jsonArray, textArray, timestamptzArray, uuidArray } from './binary-params';

const db = useTestDatabase('es_binary_params');

/** What the server reads from a binary parameter, as its own text output. */
const roundTrip = async (type: string, param: Buffer): Promise<unknown> => {
  const { rows } = await db().pool.query<{ out: unknown }>(`SELECT array_to_json($1::${type}) AS out`, [
    param,
  ]);
  return rows[0].out;
};

describe('binary array parameters', () => {
  it('text[] keeps every character, quotes, commas, braces and backslashes included', async () => {
    const values = [
      '',
      'plain',
      'Peña Muñoz',
      '€ 5 — 東京',
      '💸🧾',
      'a,b',
      '{x}',
      '"quoted"',
      'back\\slash',
      'NULL',
      ' spaced ',
    ];
    expect(await roundTrip('text[]', textArray(values))).toEqual(values);
  });

  it('json[] keeps each text exactly as sent (the hash chain is computed over it)', async () => {
    const texts = [
      '{"b":1,"a":2}',
      '{"name":"Peña \\"x\\""}',
      '[1,2,{"emoji":"💸"}]',
      '"s"',
      'null',
      JSON.stringify({ big: 'x'.repeat(100_000) }),
    ];
    const { rows } = await db().pool.query<{ t: string[] }>(
      `SELECT ARRAY(SELECT x::text FROM unnest($1::json[]) x) AS t`,
      [jsonArray(texts)],
    );
    expect(rows[0].t).toEqual(texts);
  });

  it('the server refuses a json[] element that is not JSON', async () => {
    await expect(
      db().pool.query(`SELECT $1::json[]`, [jsonArray(['{"ok":1}', '{not json'])]),
    ).rejects.toThrow(/invalid input syntax for type json/);
  });

  it('int4[] and int8[] (nulls, negatives, the safe-integer limits)', async () => {
    expect(await roundTrip('int[]', int4Array([0, 1, -1, 2147483647, -2147483648]))).toEqual([
      0, 1, -1, 2147483647, -2147483648,
    ]);
    const big = [0, -1, 1, null, 4294967296, -4294967297, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    const { rows } = await db().pool.query<{ t: string[] }>(`SELECT $1::bigint[]::text[] AS t`, [
      int8Array(big),
    ]);
    expect(rows[0].t).toEqual(big.map((v) => (v === null ? null : String(v))));
    expect(() => int8Array([2 ** 53])).toThrow(RangeError);
  });

  it('uuid[] from either case; anything else is refused before it is sent', async () => {
    const ids = [
      '019ad3c1-5b2e-7c3a-9f00-123456789abc',
      'FFFFFFFF-0000-4000-8000-00000000000A',
      '00000000-0000-0000-0000-000000000000',
    ];
    expect(await roundTrip('uuid[]', uuidArray(ids))).toEqual(ids.map((id) => id.toLowerCase()));
    for (const bad of [
      '019ad3c1-5b2e-7c3a-9f00-123456789ab',
      '019ad3c1x5b2e-7c3a-9f00-123456789abc',
      '019ad3c1-5b2e-7c3a-9f00-123456789abg',
    ]) {
      expect(() => uuidArray([bad])).toThrow(RangeError);
    }
  });

  it('timestamptz[] to the millisecond, before and after 2000-01-01, to the last time a Date holds', async () => {
    const times = [
      Date.UTC(2026, 11, 2, 17, 30, 15, 123),
      Date.UTC(2000, 0, 1),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(1970, 0, 1),
      Date.UTC(2300, 5, 1, 0, 0, 0, 1),
      Date.UTC(-4000, 0, 1),
      8.64e15,
    ];
    const { rows } = await db().pool.query<{ ms: string[] }>(
      `SELECT ARRAY(SELECT (extract(epoch FROM t) * 1000)::bigint::text FROM unnest($1::timestamptz[]) t) AS ms`,
      [timestamptzArray(times)],
    );
    expect(rows[0].ms.map(Number)).toEqual(times);
  });

  it('empty arrays of every kind', async () => {
    for (const [type, param] of [
      ['text[]', textArray([])],
      ['json[]', jsonArray([])],
      ['int[]', int4Array([])],
      ['bigint[]', int8Array([])],
      ['uuid[]', uuidArray([])],
      ['timestamptz[]', timestamptzArray([])],
    ] as const) {
      const { rows } = await db().pool.query<{ n: number }>(
        `SELECT coalesce(cardinality($1::${type}), -1) AS n`,
        [param],
      );
      expect(rows[0].n).toBe(0);
    }
  });

  it('an element type that does not match the declared parameter is refused by the server', async () => {
    await expect(
      db().pool.query(`SELECT $1::uuid[]`, [textArray(['019ad3c1-5b2e-7c3a-9f00-123456789abc'])]),
    ).rejects.toThrow(/element type/);
  });
});
