import { deterministicEventId, newEventId } from './event-ids';

describe('event ids', () => {
  it('makes time-ordered UUID v7 ids', () => {
    const [a, b] = [newEventId(), newEventId()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(a < b).toBe(true);
  });
  it('keeps them distinct, increasing and well-formed across refills of the random pool', () => {
    const ids = Array.from({ length: 2000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, i) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (i > 0) expect(ids[i - 1] < id).toBe(true);
    });
    // The random tails differ (not one pool slice handed out twice).
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });
  it('derives the same UUID v5 from the same message id and index, a different one otherwise', () => {
    const id = deterministicEventId('msg-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(deterministicEventId('msg-1', 0)).toBe(id);
    expect(deterministicEventId('msg-1', 1)).not.toBe(id);
    expect(deterministicEventId('msg-2', 0)).not.toBe(id);
    expect(() => deterministicEventId('', 0)).toThrow();
  });
});
