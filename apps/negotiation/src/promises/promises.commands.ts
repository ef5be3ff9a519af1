import { NotFoundException } from '@nestjs/common';
import { deterministicEventId, handleCommand } from '@cartera/eventstore';
import type { Actor as EventActor, EventStore } from '@cartera/eventstore';
import { promiseDecider } from '@cartera/negotiation-domain';
import type { PromiseCommand, PromiseEvent, PromiseToPay } from '@cartera/negotiation-domain';
import type { Decider } from '@cartera/decider';
import { promiseStreamId } from './promise-ids';

export type CommandContext = Readonly<{
  actor: EventActor;
  correlationId?: string;
  causationId?: string;
  /** Creditors the caller may act for; undefined means every creditor. */
  creditors?: readonly string[];
  /** A consumed message: the new events' ids derive from it, so a redelivery appends nothing twice. */
  messageId?: string;
}>;

export type PromiseOutcome = Readonly<{
  changed: boolean;
  events: readonly PromiseEvent[];
  state: PromiseToPay;
  version: number;
}>;

/** The one way into a promise: read, fold, decide, append on `promise-<id>`, behind the creditor scope. */
export class PromisesCommands {
  constructor(private readonly store: EventStore) {}

  async handle(promiseId: string, command: PromiseCommand, ctx: CommandContext): Promise<PromiseOutcome> {
    const streamId = promiseStreamId(promiseId);
    const metadata: { actor: EventActor; correlationId?: string; causationId?: string; creditorId?: string } =
      {
        actor: ctx.actor,
        ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
        ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
      };
    const messageId = ctx.messageId;
    const result = await handleCommand(
      this.store,
      streamId,
      this.scoped(promiseId, ctx.creditors, metadata),
      command,
      {
        metadata,
        ...(messageId
          ? { eventIds: (i: number) => deterministicEventId(`${messageId}/${streamId}`, i) }
          : {}),
      },
    );
    return {
      changed: result.newEvents.length > 0,
      events: result.newEvents,
      state: result.newState,
      version: result.nextExpectedVersion,
    };
  }

  /** Another creditor's promise does not exist for the caller (404, never 403). */
  private scoped(
    promiseId: string,
    creditors: readonly string[] | undefined,
    metadata: { creditorId?: string },
  ): Decider<PromiseToPay, PromiseCommand, PromiseEvent> {
    return {
      ...promiseDecider,
      decide: (command, state) => {
        const creditorId =
          state.status !== 'none'
            ? state.terms.creditorId
            : command.type === 'MakePromise'
              ? command.data.creditorId
              : undefined;
        if (!creditorId || (creditors && !creditors.includes(creditorId)))
          throw new NotFoundException(`Promise ${promiseId} not found`);
        metadata.creditorId = creditorId;
        return promiseDecider.decide(command, state);
      },
    };
  }
}
