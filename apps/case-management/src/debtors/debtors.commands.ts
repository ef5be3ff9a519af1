import { fold } from '@cartera/decider';
import { handleCommand, type EventMetadata, type HandleCommandOptions } from '@cartera/eventstore';
import type { PostgresEventStore } from '@cartera/eventstore/postgres';
import {
  debtorDecider,
  debtorStreamId,
  type Debtor,
  type DebtorCommand,
  type DebtorEvent,
} from '@cartera/case-management-domain';

/** Who asked: carried onto every event appended for the request or message. */
export type CommandContext = Readonly<{
  metadata: EventMetadata;
  eventIds?: HandleCommandOptions['eventIds'];
}>;

/** The registry's commands on the debtor streams (`debtor-<id>`). */
export class DebtorsCommands {
  constructor(readonly store: PostgresEventStore) {}

  async handle(debtorId: string, command: DebtorCommand, context: CommandContext): Promise<DebtorEvent[]> {
    const result = await handleCommand(this.store, debtorStreamId(debtorId), debtorDecider, command, {
      metadata: context.metadata,
      ...(context.eventIds ? { eventIds: context.eventIds } : {}),
    });
    return result.newEvents;
  }

  async state(debtorId: string): Promise<Debtor> {
    const events = await this.store.readStream(debtorStreamId(debtorId));
    return fold(debtorDecider, events as unknown as DebtorEvent[]);
  }

  /** The events of one debtor stream, as the decider knows them. */
  async history(debtorId: string): Promise<DebtorEvent[]> {
    return (await this.store.readStream(debtorStreamId(debtorId))) as unknown as DebtorEvent[];
  }
}
