import { Applied } from './plan.events';
import { PlanInstalment } from './plan.state';

export type Match = Readonly<{ applied: Applied[]; unapplied: bigint }>;

/** Oldest instalment first: each takes what it still lacks; what is left rolls forward, then stays unapplied. */
export const matchPayment = (instalments: readonly PlanInstalment[], amount: bigint): Match => {
  const applied: Applied[] = [];
  let left = amount;
  for (const instalment of instalments) {
    if (left === 0n) break;
    const lacking = instalment.amount - instalment.paid;
    if (lacking <= 0n) continue;
    const part = lacking < left ? lacking : left;
    applied.push({ number: instalment.number, amount: part });
    left -= part;
  }
  return { applied, unapplied: left };
};
