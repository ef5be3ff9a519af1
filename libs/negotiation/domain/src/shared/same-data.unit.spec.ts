import { sameData } from './same-data';

describe('same data', () => {
  it('ignores the order of keys, at any depth', () =>
    expect(sameData({ a: 1n, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1n })).toBe(
      true,
    ));
  it('tells bigints apart from numbers and other values', () => {
    expect(sameData({ a: 1n }, { a: 1 })).toBe(false);
    expect(sameData({ a: 1n }, { a: 2n })).toBe(false);
  });
  it('treats an absent key and an undefined one alike', () =>
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true));
});
