import { NotSerialisable, parseJson, stringifyJson } from './json-codec';

describe('bigint-safe canonical JSON', () => {
  it('keeps bigint amounts exact beyond 2^53, negative and zero', () => {
    const value = { big: 2n ** 90n + 1n, neg: -12345678901234567890n, zero: 0n, list: [1n, { deep: 3n }] };
    const text = stringifyJson(value);
    expect(text).toContain('"1237940039285380274899124225"');
    expect(parseJson(text)).toEqual(value);
  });
  it('is canonical: keys sorted at every level, no whitespace, undefined members dropped', () => {
    expect(stringifyJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
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
    const text = '{"__proto__":{"$bigint":"5"},"list":[{"$bigint":"-1"},{"x":{"$bigint":"2"}}],"tagLike":{"$bigint":"1","other":1}}';
    const parsed = parseJson<Record<string, unknown>>(text);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe(5n);
    expect(parsed.list).toEqual([-1n, { x: 2n }]);
    expect(parsed.tagLike).toEqual({ $bigint: '1', other: 1 });
    let deep: unknown = 1n;
    for (let i = 0; i < 500; i++) deep = { d: deep };
    expect(parseJson(stringifyJson(deep))).toEqual(deep);
  });
});
