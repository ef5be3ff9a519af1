import { Turns } from './turns';

const settled = async <T>(p: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([p, new Promise<'pending'>((r) => setImmediate(() => r('pending')))]);

describe('Turns', () => {
  it('grants at most n at once, then hands each returned turn to the longest waiter', async () => {
    const turns = new Turns(2);
    const never = new AbortController().signal;
    expect(await turns.take(never)).toBe(true);
    expect(await turns.take(never)).toBe(true);
    const third = turns.take(never);
    const fourth = turns.take(never);
    expect(await settled(third)).toBe('pending');
    turns.give();
    expect(await settled(third)).toBe(true);
    expect(await settled(fourth)).toBe('pending');
    turns.give();
    expect(await settled(fourth)).toBe(true);
  });

  it('a waiter that is stopped gets no turn and takes none from those behind it', async () => {
    const turns = new Turns(1);
    const never = new AbortController().signal;
    expect(await turns.take(never)).toBe(true);
    const stop = new AbortController();
    const stopped = turns.take(stop.signal);
    const behind = turns.take(never);
    stop.abort();
    expect(await stopped).toBe(false);
    turns.give();
    expect(await settled(behind)).toBe(true);
    // The one turn is held by `behind`: nobody else gets one until it is given back.
    const next = turns.take(never);
    expect(await settled(next)).toBe('pending');
    turns.give();
    expect(await settled(next)).toBe(true);
    expect(await turns.take(stop.signal)).toBe(false);
  });
});
