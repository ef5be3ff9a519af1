import {
  validateWithContracts,
  type Bus,
  type Consumer,
  type ConsumerHealth,
  type ConsumerPolicy,
  type HandlerContext,
  type ReceivedMessage,
} from '@cartera/messaging';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { BusContext } from './bus.context';

export type BusTransportOptions = Readonly<{
  bus: Bus;
  /** Consumer group: the service (and purpose) consuming, e.g. `case-management`. */
  group: string;
  topics: readonly string[];
  policy: ConsumerPolicy;
  batchSize?: number;
}>;

export const BUS_TRANSPORT = Symbol('cartera-bus');

/**
 * Our own Nest transport over the Bus port: `@EventPattern('PaymentPosted')` handlers, whatever
 * the adapter. Pattern = contract type. A handler's error reaches the bus, whose policy retries,
 * dead-letters or blocks; an offset moves only after the handler resolved. Nest's Kafka transport
 * is not used: it commits the offset of a message whose handler threw.
 */
export class BusTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = BUS_TRANSPORT;
  private consumer: Consumer | undefined;

  constructor(private readonly options: BusTransportOptions) {
    super();
  }

  listen(callback: (error?: unknown, info?: unknown) => void): void {
    this.consumer = this.options.bus.subscribe({
      topics: this.options.topics,
      group: this.options.group,
      policy: this.options.policy,
      batchSize: this.options.batchSize,
      // Only messages this service handles are validated: another type on the topic is not ours.
      validate: (m) => (this.getHandlerByPattern(m.type) ? validateWithContracts(m) : []),
      handler: (m, ctx) => this.dispatch(m, ctx),
    });
    this.consumer.started.then(
      () => callback(),
      (error) => callback(error),
    );
  }

  private async dispatch(message: ReceivedMessage, handlerContext: HandlerContext): Promise<void> {
    const handler = this.getHandlerByPattern(message.type);
    if (!handler) return; // acknowledged without effect
    const context = new BusContext([message, handlerContext]);
    await new Promise<void>((resolve, reject) => {
      this.onProcessingStartHook(this.transportId, context, async () => {
        try {
          const result = await handler(message.payload, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new BusHandlerError(error));
        } finally {
          this.onProcessingEndHook?.(this.transportId, context);
        }
      });
    });
  }

  /** Blocked partitions and lag, for the readiness probe. */
  health(): Promise<ConsumerHealth> | undefined {
    return this.consumer?.health();
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('BusTransport emits no events; use health()');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}

/** Nest's filters turn an error into `{ status, message }`; this keeps that as a readable reason. */
export class BusHandlerError extends Error {
  override readonly name = 'BusHandlerError';
  constructor(readonly detail: unknown) {
    super(typeof detail === 'object' ? JSON.stringify(detail) : String(detail));
  }
}
