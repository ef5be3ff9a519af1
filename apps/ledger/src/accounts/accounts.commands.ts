import { NotFoundException } from '@nestjs/common';
import { handleCommand } from '@cartera/eventstore';
import type { Actor as EventActor, EventStore } from '@cartera/eventstore';
import { accountDecider } from '@cartera/ledger-domain';
import type { Account, AccountCommand, AccountEvent } from '@cartera/ledger-domain';
import type { Decider } from '@cartera/decider';
import { accountStreamId } from './account-ids';
import { AccountView, viewFromState } from './account-view';
import type { CreditorPolicies } from './creditor-policies';

export type CommandContext = Readonly<{
  actor: EventActor;
  correlationId?: string;
  causationId?: string;
  /** Creditors the caller may act for; undefined means every creditor. */
  creditors?: readonly string[];
  /** Event ids by index, for consumers that derive them from a message id. */
  eventIds?: (index: number) => string;
}>;

export type CommandOutcome = Readonly<{
  /** False when the command was a repeat (or had nothing to do): no event was appended. */
  changed: boolean;
  events: readonly AccountEvent[];
  account: AccountView;
}>;

/**
 * The one way into the account aggregate: read, fold, decide, append with `account-<id>`. Repeats
 * decide nothing (the domain's idempotency), so a retried request answers with the same account.
 */
export class AccountsCommands {
  constructor(
    private readonly store: EventStore,
    private readonly policies: CreditorPolicies,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(accountId: string, command: AccountCommand, ctx: CommandContext): Promise<CommandOutcome> {
    // Filled in by the decision once the stream is read: the account's creditor goes on every event.
    const metadata: { actor: EventActor; correlationId?: string; causationId?: string; creditorId?: string } =
      {
        actor: ctx.actor,
        ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
        ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
      };
    const decider = this.scopedDecider(accountId, ctx.creditors, metadata);
    const result = await handleCommand(this.store, accountStreamId(accountId), decider, command, {
      metadata,
      ...(ctx.eventIds ? { eventIds: ctx.eventIds } : {}),
    });
    const state = result.newState;
    if (state.status === 'unplaced') throw new NotFoundException(`Account ${accountId} not found`);
    return {
      changed: result.newEvents.length > 0,
      events: result.newEvents,
      account: viewFromState(state, result.nextExpectedVersion, this.clock()),
    };
  }

  /** The account decider behind the creditor scope (an account outside it does not exist for the caller) and policies. */
  private scopedDecider(
    accountId: string,
    creditors: readonly string[] | undefined,
    metadata: { creditorId?: string },
  ): Decider<Account, AccountCommand, AccountEvent> {
    return {
      ...accountDecider,
      decide: (command, state) => {
        const creditorId =
          state.status === 'unplaced'
            ? command.type === 'PlaceAccount'
              ? command.data.creditorId
              : undefined
            : state.creditorId;
        if (!creditorId || (creditors && !creditors.includes(creditorId)))
          throw new NotFoundException(`Account ${accountId} not found`);
        metadata.creditorId = creditorId;
        return accountDecider.decide(this.withPolicy(command, creditorId), state);
      },
    };
  }

  private withPolicy(command: AccountCommand, creditorId: string): AccountCommand {
    const policy = this.policies.of(creditorId);
    if (command.type === 'PostPayment') {
      const { waterfall = policy.waterfall, overpaymentTolerance = policy.overpaymentTolerance } =
        command.data;
      return {
        ...command,
        data: {
          ...command.data,
          waterfall,
          ...(overpaymentTolerance !== null ? { overpaymentTolerance } : {}),
        },
      };
    }
    if (command.type === 'AgeAccount' && !command.data.buckets)
      return { ...command, data: { ...command.data, buckets: policy.buckets } };
    return command;
  }
}
