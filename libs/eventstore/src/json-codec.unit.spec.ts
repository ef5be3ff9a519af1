import { NotSerialisable, parseJson, stringifyJson } from './json-codec';

describe('bigint-safe canonical JSON', () => {
  it('keeps bigint amounts exact beyond 2^53, negative and zero', () => {
    const value = { big: 2n ** 90n + 1n, neg: -12345678901234567890n, zero: 0n, list: [1n, { deep: 3n }] };
    const text = stringifyJson(value);
    expect(text).toContain('"1237940039285380274899124225"');
    expect(parseJson(text)).toEqual(value);
  });
  it('is canonical: keys sorted at every level, no whitespace, undefined members dropped', () => {
    expect(stringifyJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
    expect(stringifyJson({ a: 1, b: 2 })).toBe(stringifyJson({ b: 2, a: 1 }));
  });
  it('round-trips unicode, escapes and numbers as JSON does', () => {
    const value = { s: 'ñ 東京 😀 "q" \\ \n \u0000', n: 0.1, e: 1e21, i: -7 };
    expect(parseJson(stringifyJson(value))).toEqual(value);
  });
  it.each([
    ['a function', { f: () => 1 }, /\$\.f: a function/],
    ['a symbol', { s: Symbol('x') }, /\$\.s: a symbol/],
    ['NaN', { n: NaN }, /\$\.n: NaN is not a finite number/],
    ['Infinity', [Infinity], /\$\[0\]: Infinity/],
    ['undefined in an array', [1, undefined], /\$\[1\]: undefined inside an array/],
    ['a Date', { at: new Date(0) }, /\$\.at: a Date is not plain data \(use an ISO-8601 string\)/],
    ['a Map', { m: new Map() }, /a Map is not plain data/],
    ['a lone surrogate', { s: 'a\ud800b' }, /lone surrogate/],
    ['the reserved tag', { x: { $bigint: '1' } }, /reserved key/],
    ['undefined', undefined, /undefined is not serialisable/],
  ])('refuses %s, naming the path', (_what, value, message) => {
    expect(() => stringifyJson(value)).toThrow(NotSerialisable);
    expect(() => stringifyJson(value)).toThrow(message);
  });
  it('refuses a circular structure but accepts a shared one', () => {
    const shared = { x: 1 };
    expect(stringifyJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const loop: Record<string, unknown> = {};
    loop.me = { back: loop };
    expect(() => stringifyJson(loop)).toThrow(/\$\.me\.back: circular reference/);
  });
  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null), { k: 1n });
    expect(parseJson(stringifyJson(bare))).toEqual({ k: 1n });
  });
  it('revives bigints at any depth, also in a "__proto__" member, and accepts nesting deeper than the fast path', () => {
    const text =
      '{"__proto__":{"$bigint":"5"},"list":[{"$bigint":"-1"},{"x":{"$bigint":"2"}}],"tagLike":{"$bigint":"1","other":1}}';
    const parsed = parseJson<Record<string, unknown>>(text);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe(5n);
    expect(parsed.list).toEqual([-1n, { x: 2n }]);
    expect(parsed.tagLike).toEqual({ $bigint: '1', other: 1 });
    let deep: unknown = 1n;
    for (let i = 0; i < 500; i++) deep = { d: deep };
    expect(parseJson(stringifyJson(deep))).toEqual(deep);
  });
});

describe('canonical JSON against a plain reference encoder', () => {
  // The definition, written the obvious way: sorted keys, undefined members dropped, tagged bigints.
  const reference = (value: unknown): string => {
    if (typeof value === 'bigint') return `{"$bigint":"${value}"}`;
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .filter((k) => record[k] !== undefined);
      return `{${members.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
    }
    return JSON.stringify(value);
  };
  const random = (seed: number) => () =>
    (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const next = random(3);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const keyPool = [
    'a',
    'b',
    'B',
    'z',
    'aa',
    'a b',
    '',
    '0',
    '1',
    '10',
    '2',
    '__proto__',
    'ñ',
    'é',
    'É',
    '東京',
    '😀',
    '\n',
    '"',
    'constructor',
    'amount',
    'currency',
  ];
  const strings = [
    '',
    'x',
    'ñandú',
    '東京 😀',
    '"q" \\ \n \t \u0000 \u001f \u2028',
    '𝄞',
    'COP',
    '2024-02-29',
  ];
  const leaf = (): unknown =>
    pick([
      () => pick(strings),
      () => Math.floor(next() * 1e6) - 5e5,
      () => next() * 1e-3,
      () => -0,
      () => 1e21,
      () =>
        BigInt(Math.floor(next() * 1e9)) * 10n ** BigInt(Math.floor(next() * 20)) * (next() < 0.5 ? -1n : 1n),
      () => next() < 0.5,
      () => null,
      () => undefined,
    ])();
  const value = (depth: number): unknown => {
    if (depth > 3 || next() < 0.3) return leaf();
    if (next() < 0.25)
      return Array.from({ length: Math.floor(next() * 4) }, () => {
        const item = value(depth + 1);
        return item === undefined ? null : item;
      });
    const record: Record<string, unknown> = next() < 0.1 ? Object.create(null) : {};
    const size = Math.floor(next() * 6);
    for (let i = 0; i < size; i++) {
      const key = pick(keyPool);
      if (key === '__proto__')
        Object.defineProperty(record, key, {
          value: value(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else record[key] = value(depth + 1);
    }
    return record;
  };

  it('writes the same text for thousands of random values (shapes repeat, in different key orders)', () => {
    const values = Array.from({ length: 5000 }, () => value(0)).filter((v) => v !== undefined);
    const wrong = values.filter((v) => stringifyJson(v) !== reference(v));
    expect(wrong).toEqual([]);
    // A second pass is served by the remembered key plans.
    expect(values.filter((v) => stringifyJson(v) !== reference(v))).toEqual([]);
  });

  it('tells apart objects whose keys are the same set in another order, or share a first key', () => {
    const shapes = [
      { b: 1, a: 2 },
      { a: 2, b: 1 },
      { b: 1, c: 3 },
      { b: 1 },
      { b: 1, a: 2, c: 3 },
      { b: undefined, a: 2 },
    ];
    for (let i = 0; i < 3; i++) expect(shapes.map((s) => stringifyJson(s))).toEqual(shapes.map(reference));
  });

  it('handles more distinct key lists than it remembers, and objects with many keys', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      [`k${i}`]: i,
      [`j${i % 7}`]: BigInt(i),
      a: undefined,
    }));
    expect(many.filter((v) => stringifyJson(v) !== reference(v))).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`key-${(i * 37) % 200}`, i]));
    expect(stringifyJson(wide)).toBe(reference(wide));
    expect(stringifyJson(wide)).toBe(reference(wide));
  });

  it('drops an undefined member whose key is not well-formed, as before, and refuses a defined one', () => {
    expect(stringifyJson({ a: 1, 'x\ud800': undefined })).toBe('{"a":1}');
    expect(() => stringifyJson({ a: 1, 'x\ud800': 2 })).toThrow(/lone surrogate/);
  });
});
