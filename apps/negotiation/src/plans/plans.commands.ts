import { NotFoundException } from '@nestjs/common';
import { handleCommand } from '@cartera/eventstore';
import type { Actor as EventActor, EventStore } from '@cartera/eventstore';
import { planDecider } from '@cartera/negotiation-domain';
import type { PaymentPlan, PlanCommand, PlanEvent } from '@cartera/negotiation-domain';
import type { Decider } from '@cartera/decider';

export const planStreamId = (planId: string): string => `plan-${planId}`;

export type PlanContext = Readonly<{ actor: EventActor; creditors?: readonly string[] }>;

/** The one way into a plan: read, fold, decide, append on `plan-<id>`, behind the creditor scope. */
export class PlansCommands {
  constructor(private readonly store: EventStore) {}

  async handle(planId: string, command: PlanCommand, ctx: PlanContext) {
    const metadata: { actor: EventActor; creditorId?: string } = { actor: ctx.actor };
    const result = await handleCommand(
      this.store,
      planStreamId(planId),
      this.scoped(planId, ctx.creditors, metadata),
      command,
      {
        metadata,
      },
    );
    return { changed: result.newEvents.length > 0, state: result.newState };
  }

  private scoped(
    planId: string,
    creditors: readonly string[] | undefined,
    metadata: { creditorId?: string },
  ): Decider<PaymentPlan, PlanCommand, PlanEvent> {
    return {
      ...planDecider,
      decide: (command, state) => {
        const creditorId =
          state.status !== 'none'
            ? state.agreement.creditorId
            : command.type === 'AgreePlan'
              ? command.data.creditorId
              : undefined;
        if (!creditorId || (creditors && !creditors.includes(creditorId)))
          throw new NotFoundException(`Plan ${planId} not found`);
        metadata.creditorId = creditorId;
        return planDecider.decide(command, state);
      },
    };
  }
}
