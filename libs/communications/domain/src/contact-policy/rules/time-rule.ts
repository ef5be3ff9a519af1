import type { RuleRef } from '../rule-pack';

/**
 * A rule time can cure: the earliest instant (epoch ms) at or after `t` when it allows the contact
 * as seen from one zone; `t` itself when it allows now, `Infinity` when it never will.
 */
export type TimeRule = Readonly<{
  rule: RuleRef;
  version: string;
  earliestFrom: (t: number, zone: string) => number;
}>;

export type Slot = Readonly<{ at: number; firstObstacle?: TimeRule }>;

const MAX_ROUNDS = 50;

/**
 * The first instant every time rule allows in every zone: each rule pushes the candidate forward
 * until none moves it (the intersection of windows). `firstObstacle` is the rule that refused now.
 */
export const earliestSlot = (rules: readonly TimeRule[], zones: readonly string[], from: number): Slot => {
  let at = from;
  let firstObstacle: TimeRule | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    for (const rule of rules) {
      for (const zone of zones) {
        const next = rule.earliestFrom(at, zone);
        if (next <= at) continue;
        firstObstacle ??= rule;
        at = next;
        moved = true;
        if (at === Infinity) return { at, firstObstacle };
      }
    }
    if (!moved) return { at, firstObstacle };
  }
  return { at: Infinity, firstObstacle };
};
