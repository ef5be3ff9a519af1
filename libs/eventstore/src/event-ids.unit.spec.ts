import { deterministicEventId, newEventId } from './event-ids';

describe('event ids', () => {
  it('makes time-ordered UUID v7 ids', () => {
    const [a, b] = [newEventId(), newEventId()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(a < b).toBe(true);
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
