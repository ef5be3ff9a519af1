import type { HandlerContext, ReceivedMessage } from '@cartera/messaging';
import { BaseRpcContext } from '@nestjs/microservices';
import type { PoolClient } from 'pg';

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the message's envelope, the inbox
 * transaction's client and the ids to stamp on events it appends.
 */
export class BusContext extends BaseRpcContext<[ReceivedMessage, HandlerContext]> {
  getMessage(): ReceivedMessage {
    return this.args[0];
  }
  getHeaders(): Readonly<Record<string, string>> {
    return this.args[0].headers;
  }
  getMessageId(): string {
    return this.args[0].messageId;
  }
  getTopic(): string {
    return this.args[0].topic;
  }
  getAttempt(): number {
    return this.args[1].attempt;
  }
  /** A pg client inside the transaction that also records the message in the inbox. */
  getClient(): PoolClient {
    return this.args[1].client;
  }
  getCorrelation(): Readonly<{ correlationId: string; causationId: string }> {
    return { correlationId: this.args[1].correlationId, causationId: this.args[1].causationId };
  }
  /** Metadata for events the handler appends: correlation, causation (this message) and trace. */
  getEventMetadata(): HandlerContext['eventMetadata'] {
    return this.args[1].eventMetadata;
  }
}
