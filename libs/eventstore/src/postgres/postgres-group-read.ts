import { Batcher } from './postgres-batcher';

/**
 * Group read: whole-stream reads arriving while the store is busy (command handlers before deciding)
 * go out as one statement, since a round trip is the costly part of a short read.
 */
type Waiter<Row> = { streamId: string; resolve: (rows: Row[]) => void; reject: (error: unknown) => void };

/** Most streams one statement reads. */
const MAX_GROUP_STREAMS = 64;

export class GroupRead<Row> extends Batcher<Waiter<Row>> {
  /** `runMany` reads distinct streams, each one's rows in version order; `runOne` reads a stream alone. */
  constructor(
    private readonly runMany: (streamIds: string[]) => Promise<Map<string, Row[]>>,
    private readonly runOne: (streamId: string) => Promise<Row[]>,
    lanes: number,
  ) {
    super(lanes);
  }

  read(streamId: string): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => this.enqueue({ streamId, resolve, reject }));
  }

  protected take(): Waiter<Row>[] {
    return this.queue.splice(0, MAX_GROUP_STREAMS);
  }

  protected async settle(group: Waiter<Row>[]): Promise<void> {
    try {
      const streamIds = [...new Set(group.map((w) => w.streamId))];
      if (streamIds.length === 1) {
        const rows = await this.runOne(streamIds[0]);
        for (const w of group) w.resolve(rows);
        return;
      }
      const rows = await this.runMany(streamIds);
      for (const w of group) w.resolve(rows.get(w.streamId) ?? []);
    } catch (error) {
      for (const w of group) w.reject(error);
    }
  }
}
