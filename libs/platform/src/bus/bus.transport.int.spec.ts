import { randomUUID } from 'node:crypto';
import { dlqTopicOf } from '@cartera/contracts';
import { createPostgresBus, type PostgresBus } from '@cartera/messaging/postgres';
import { collect, ping } from '@cartera/messaging/testing';
import { eventually, useTestDatabase } from '@cartera/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BusContext } from './bus.context';
import { createBusMicroservice } from './create-bus-microservice';

const db = useTestDatabase('nestbus');
const topic = `nest.${randomUUID().slice(0, 8)}`;
const seen: {
  payload: { seq: number };
  messageId: string;
  correlationId: string;
  causationId: string;
  inTransaction: boolean;
}[] = [];

@Controller()
class PingConsumer {
  @EventPattern('BusTestPing')
  async onPing(@Payload() payload: { seq: number }, @Ctx() ctx: BusContext): Promise<void> {
    if (payload.seq === 13) throw new Error(`unlucky payment ${ctx.getMessageId()}`);
    // The inbox row is visible through the handler's client and not yet to anyone else.
    const inbox = `SELECT count(*)::int AS n FROM bus.processed_messages WHERE message_id = $1`;
    const inside = (await ctx.getClient().query(inbox, [ctx.getMessageId()])).rows[0].n;
    const outside = (await db().pool.query(inbox, [ctx.getMessageId()])).rows[0].n;
    seen.push({
      payload,
      messageId: ctx.getMessageId(),
      ...ctx.getCorrelation(),
      inTransaction: inside === 1 && outside === 0,
    });
  }
}

@Module({ controllers: [PingConsumer] })
class PingModule {}

describe('BusTransport: @EventPattern handlers over the Bus port', () => {
  let bus: PostgresBus;
  let app: INestMicroservice;
  beforeAll(async () => {
    bus = createPostgresBus({ pool: db().pool, pollIntervalMs: 100 });
    ({ app } = await createBusMicroservice(PingModule, {
      bus,
      group: 'nest-test',
      topics: [topic],
      logger: false,
      policy: { kind: 'dead-letter', maxAttempts: 2, backoff: { initialMs: 10, maxMs: 20 } },
    }));
    await app.listen();
  });
  afterAll(async () => {
    await app?.close();
    await bus?.close();
  });

  it('hands a published message to its @EventPattern handler with the bus context', async () => {
    const message = ping('debtor-1', 1, { correlationId: 'request-42' });
    await bus.publish(topic, [message]);
    await eventually(() => seen.length === 1);
    expect(seen[0]).toEqual({
      payload: { debtorId: 'debtor-1', seq: 1, amountMinor: '9007199254740993', currency: 'EUR' },
      messageId: message.messageId,
      correlationId: 'request-42',
      causationId: message.messageId,
      inTransaction: true,
    });
  });

  it('lets a throwing handler’s error reach the bus policy: retried, then dead-lettered with its reason', async () => {
    const dlq = collect(bus, { topics: [dlqTopicOf(topic)], group: 'dlq-reader', validate: false });
    const boom = ping('debtor-2', 13);
    await bus.publish(topic, [boom, ping('debtor-2', 14)]);
    await eventually(() => dlq.received.length === 1 && seen.some((s) => s.payload.seq === 14));
    expect(dlq.received[0].message.headers).toMatchObject({
      dlq_group: 'nest-test',
      dlq_kind: 'handler',
      dlq_attempts: '2',
    });
    expect(dlq.received[0].message.headers['dlq_reason']).toContain(`unlucky payment ${boom.messageId}`);
    await dlq.consumer.stop();
  });
});
