import { NotFoundException } from '@nestjs/common';
import { handleCommand } from '@cartera/eventstore';
import type { Actor as EventActor, EventStore } from '@cartera/eventstore';
import { caseDecider } from '@cartera/case-management-domain';
import type { Case, CaseCommand, CaseEvent, OpenedCase } from '@cartera/case-management-domain';
import type { Decider } from '@cartera/decider';
import { caseStreamId } from './case-ids';

export type CommandContext = Readonly<{
  actor: EventActor;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  /** Creditors the caller may act for; undefined means every creditor. */
  creditors?: readonly string[];
  /** Event ids by index, for consumers that derive them from a message id. */
  eventIds?: (index: number) => string;
}>;

export type CommandOutcome = Readonly<{
  /** False when the command was a repeat (or had nothing to do): no event was appended. */
  changed: boolean;
  events: readonly CaseEvent[];
  state: OpenedCase;
  version: number;
}>;

type Metadata = {
  actor: EventActor;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  creditorId?: string;
  debtorId?: string;
};

/**
 * The one way into the case aggregate: read, fold, decide, append with `case-<id>`. The case's
 * creditor and debtor go on every event's metadata (the publisher keys messages by debtor).
 */
export class CasesCommands {
  constructor(private readonly store: EventStore) {}

  async handle(caseId: string, command: CaseCommand, ctx: CommandContext): Promise<CommandOutcome> {
    const metadata: Metadata = {
      actor: ctx.actor,
      ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
      ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
      ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
    };
    const decider = this.scopedDecider(caseId, ctx.creditors, metadata);
    const result = await handleCommand(this.store, caseStreamId(caseId), decider, command, {
      metadata,
      // Business time: when the fact happened (a placement, a payment), not when it reached us.
      occurredAt: new Date(command.data.at),
      ...(ctx.eventIds ? { eventIds: ctx.eventIds } : {}),
    });
    const state = result.newState;
    if (state.status === 'unopened') throw new NotFoundException(`Case ${caseId} not found`);
    return {
      changed: result.newEvents.length > 0,
      events: result.newEvents,
      state,
      version: result.nextExpectedVersion,
    };
  }

  /** The case folded from its stream, or undefined when it does not exist for this caller. */
  async load(
    caseId: string,
    creditors?: readonly string[],
  ): Promise<{ state: OpenedCase; version: number } | undefined> {
    const history = await this.store.readStream(caseStreamId(caseId));
    const state = history.reduce(
      (s, e) => caseDecider.evolve(s, e as unknown as CaseEvent),
      caseDecider.initialState(),
    );
    if (state.status === 'unopened' || (creditors && !creditors.includes(state.creditorId))) return undefined;
    return { state, version: history.length - 1 };
  }

  /** The case decider behind the creditor scope: a case outside it does not exist for the caller. */
  private scopedDecider(
    caseId: string,
    creditors: readonly string[] | undefined,
    metadata: Metadata,
  ): Decider<Case, CaseCommand, CaseEvent> {
    return {
      ...caseDecider,
      decide: (command, state) => {
        const owner =
          state.status !== 'unopened'
            ? { creditorId: state.creditorId, debtorId: state.debtorId }
            : command.type === 'LinkAccountToCase'
              ? { creditorId: command.data.creditorId, debtorId: command.data.debtorId }
              : undefined;
        if (!owner || (creditors && !creditors.includes(owner.creditorId)))
          throw new NotFoundException(`Case ${caseId} not found`);
        metadata.creditorId = owner.creditorId;
        metadata.debtorId = owner.debtorId;
        return caseDecider.decide(command, state);
      },
    };
  }
}
