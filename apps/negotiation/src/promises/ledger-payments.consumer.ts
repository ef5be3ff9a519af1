import { Logger } from '@nestjs/common';
import type { PaymentPostedV1, PaymentReversedV1 } from '@cartera/contracts';
import type { HandlerContext, ReceivedMessage } from '@cartera/messaging';
import { NegotiationRuleViolated } from '@cartera/negotiation-domain';
import type { PromiseCommand } from '@cartera/negotiation-domain';
import type { NegotiationTables } from '../negotiation.schema';
import type { PromisesCommands } from './promises.commands';

export const NEGOTIATION_GROUP = 'negotiation';

const SYSTEM = { kind: 'service', id: 'negotiation.ledger-payments' } as const;

/** The ledger's payments, as commands on a promise (other ledger messages say nothing to a promise). */
const commandOf = (m: ReceivedMessage): PromiseCommand | undefined => {
  if (m.type === 'PaymentPosted') {
    const p = m.payload as PaymentPostedV1;
    return {
      type: 'RecordPayment',
      data: { paymentId: p.paymentId, amount: BigInt(p.amountMinor), currency: p.currency, paidOn: p.paidOn },
    };
  }
  if (m.type === 'PaymentReversed') {
    const p = m.payload as PaymentReversedV1;
    return { type: 'RecordReversal', data: { paymentId: p.paymentId, reversedOn: p.reversedOn } };
  }
  return undefined;
};

/**
 * Records each ledger payment or reversal on every promise of its account that is not cancelled
 * (a reversal must reach a kept promise). Idempotent twice over: event ids derive from the message
 * id, and the promise decides nothing for a payment id it already has.
 */
export class LedgerPaymentsConsumer {
  private readonly logger = new Logger('LedgerPayments');

  constructor(
    private readonly promises: PromisesCommands,
    private readonly t: NegotiationTables,
  ) {}

  readonly handle = async (m: ReceivedMessage, ctx: HandlerContext): Promise<void> => {
    const command = commandOf(m);
    if (!command) return;
    const { accountId } = m.payload as { accountId: string };
    const { rows } = await ctx.client.query<{ promise_id: string }>(
      `SELECT promise_id FROM ${this.t.promises} WHERE account_id = $1 AND status <> 'cancelled' ORDER BY made_at`,
      [accountId],
    );
    for (const { promise_id: promiseId } of rows) {
      try {
        await this.promises.handle(promiseId, command, {
          actor: SYSTEM,
          correlationId: ctx.correlationId,
          causationId: ctx.causationId,
          messageId: m.messageId,
        });
      } catch (error) {
        // A rule the ledger's fact breaks (another currency) is this promise's problem, not the partition's.
        if (!(error instanceof NegotiationRuleViolated)) throw error;
        this.logger.warn(
          { promiseId, code: error.code, messageId: m.messageId },
          'payment not recorded on promise',
        );
      }
    }
  };
}
