import { NotFoundException } from '@nestjs/common';
import { handleCommand } from '@cartera/eventstore';
import type { Actor as EventActor, EventStore } from '@cartera/eventstore';
import { settlementDecider } from '@cartera/negotiation-domain';
import type { Settlement, SettlementCommand, SettlementEvent } from '@cartera/negotiation-domain';
import type { Decider } from '@cartera/decider';

export const settlementStreamId = (offerId: string): string => `settlement-${offerId}`;

export type SettlementContext = Readonly<{
  actor: EventActor;
  correlationId?: string;
  creditors?: readonly string[];
}>;

export type SettlementOutcome = Readonly<{
  changed: boolean;
  events: readonly SettlementEvent[];
  state: Settlement;
}>;

/** The one way into an offer: read, fold, decide, append on `settlement-<id>`, behind the creditor scope. */
export class SettlementsCommands {
  constructor(private readonly store: EventStore) {}

  async handle(
    offerId: string,
    command: SettlementCommand,
    ctx: SettlementContext,
  ): Promise<SettlementOutcome> {
    const metadata: { actor: EventActor; correlationId?: string; creditorId?: string } = {
      actor: ctx.actor,
      ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
    };
    const result = await handleCommand(
      this.store,
      settlementStreamId(offerId),
      this.scoped(offerId, ctx.creditors, metadata),
      command,
      { metadata },
    );
    return { changed: result.newEvents.length > 0, events: result.newEvents, state: result.newState };
  }

  /** The offer's creditor, or undefined for an offer never made (tells the controller which limits apply). */
  async creditorOf(offerId: string): Promise<string | undefined> {
    const [first] = await this.store.readStream(settlementStreamId(offerId), { maxCount: 1 });
    return (first?.data as { creditorId?: string } | undefined)?.creditorId;
  }

  private scoped(
    offerId: string,
    creditors: readonly string[] | undefined,
    metadata: { creditorId?: string },
  ): Decider<Settlement, SettlementCommand, SettlementEvent> {
    return {
      ...settlementDecider,
      decide: (command, state) => {
        const creditorId =
          state.status !== 'none'
            ? state.proposal.creditorId
            : command.type === 'OfferSettlement'
              ? command.data.creditorId
              : undefined;
        if (!creditorId || (creditors && !creditors.includes(creditorId)))
          throw new NotFoundException(`Settlement offer ${offerId} not found`);
        metadata.creditorId = creditorId;
        return settlementDecider.decide(command, state);
      },
    };
  }
}
