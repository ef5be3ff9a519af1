import type { IsoDate } from '@cartera/negotiation-domain';
import type { Pool } from 'pg';
import type { NegotiationTables } from '../negotiation.schema';
import type { PromisesCommands } from './promises.commands';

export type CheckRun = Readonly<{ asOf: IsoDate; checked: number; decided: number }>;

const SYSTEM = { kind: 'system', id: 'negotiation.promise-check' } as const;

/** The daily check: every open promise whose deadline is before `asOf` is evaluated (broken or partially kept). */
export class PromiseCheckJob {
  constructor(
    private readonly pool: Pool,
    private readonly t: NegotiationTables,
    private readonly promises: PromisesCommands,
  ) {}

  async run(asOf: IsoDate): Promise<CheckRun> {
    const { rows } = await this.pool.query<{ promise_id: string }>(
      `SELECT promise_id FROM ${this.t.promises} WHERE status = 'open' AND deadline < $1::date ORDER BY deadline`,
      [asOf],
    );
    let decided = 0;
    for (const { promise_id: promiseId } of rows) {
      const outcome = await this.promises.handle(
        promiseId,
        { type: 'EvaluatePromise', data: { asOf } },
        { actor: SYSTEM, correlationId: `promise-check:${asOf}` },
      );
      if (outcome.changed) decided++;
    }
    return { asOf, checked: rows.length, decided };
  }
}
