import { Command, Decider, Event, fold } from './decider';

type Then<Evt> = {
  then: (expected: Evt[]) => void;
  thenNothingHappened: () => void;
  thenThrows: <E extends Error>(check?: ((error: E) => boolean) | (new (...args: never[]) => E)) => void;
};

/**
 * given(events).when(command).then(events) — the shape of every domain test.
 * Uses Jest's `expect` when present so failures show a diff.
 */
export const DeciderSpecification = {
  for<State, Cmd extends Command, Evt extends Event>(decider: Decider<State, Cmd, Evt>) {
    return (givenEvents: Evt[] = []) => ({
      when: (command: Cmd): Then<Evt> => {
        const run = () => decider.decide(command, fold(decider, givenEvents));
        return {
          then: (expected) => assertEqual(run(), expected),
          thenNothingHappened: () => assertEqual(run(), []),
          thenThrows: (check) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            if (thrown === undefined)
              throw new Error('Expected the command to be rejected, but it was accepted');
            if (!check) return;
            const ok =
              check.prototype instanceof Error || (check as unknown) === Error
                ? thrown instanceof (check as new (...args: never[]) => Error)
                : (check as (e: Error) => boolean)(thrown as Error);
            if (!ok) throw new Error(`The rejection did not match: ${String(thrown)}`);
          },
        };
      },
    });
  },
};

const assertEqual = (actual: unknown, expected: unknown): void => {
  const jestExpect = (globalThis as { expect?: (v: unknown) => { toEqual: (v: unknown) => void } }).expect;
  if (jestExpect) return jestExpect(actual).toEqual(expected);
  const a = JSON.stringify(actual, bigintSafe);
  const e = JSON.stringify(expected, bigintSafe);
  if (a !== e) throw new Error(`Expected ${e}\nbut got  ${a}`);
};

const bigintSafe = (_: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);
