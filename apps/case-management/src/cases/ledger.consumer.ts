import { TOPICS } from '@cartera/contracts';
import { deterministicEventId } from '@cartera/eventstore';
import type { Bus, Consumer } from '@cartera/messaging';
import type { CasesCommands } from './cases.commands';
import { caseCommandsOf } from './ledger-messages';

export const LEDGER_CONSUMER_GROUP = 'case-management.cases';

/**
 * Ledger facts → case commands. Redelivery decides nothing (the case's own idempotency, and event
 * ids derived from the message id); a message that fails validation or keeps failing (an account
 * the case does not know, another currency) goes to `ledger.events.dlq` and the group moves on.
 */
export const startLedgerConsumer = (bus: Bus, commands: CasesCommands, maxAttempts = 3): Consumer =>
  bus.subscribe({
    topics: [TOPICS.ledger],
    group: LEDGER_CONSUMER_GROUP,
    policy: { kind: 'dead-letter', maxAttempts, backoff: { initialMs: 50, maxMs: 1_000 } },
    handler: async (message, ctx) => {
      const mapped = caseCommandsOf(message);
      if (!mapped) return;
      for (const [n, command] of mapped.commands.entries())
        await commands.handle(mapped.caseId, command, {
          actor: { kind: 'service', id: 'ledger' },
          correlationId: ctx.correlationId,
          causationId: ctx.causationId,
          ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
          // Each command of the message gets its own range of derived ids, seeded with the stream:
          // the debtor registry derives ids from the same message into the same store.
          eventIds: (i) => deterministicEventId(`${message.messageId}/case-${mapped.caseId}`, n * 100 + i),
        });
    },
  });
