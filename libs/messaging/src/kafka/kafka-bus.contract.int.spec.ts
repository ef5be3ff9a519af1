import { busContract } from '../testing';
import { describeIfEnv, useTestDatabase } from '@cartera/testing';
import { BusUnavailable } from '../bus.port';
import { createKafkaBus } from './kafka-bus';

const db = useTestDatabase('buskafka');

describe('Kafka bus: start', () => {
  it('fails at once with a clear error when the brokers are unreachable', async () => {
    const start = createKafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: 'unreachable-test',
      inbox: { pool: db().pool },
    });
    await expect(start).rejects.toThrow(BusUnavailable);
    await expect(start).rejects.toThrow(/Kafka brokers unreachable \(127\.0\.0\.1:1\)/);
  });
});

describeIfEnv('KAFKA_BROKERS', 'Kafka bus contract suite')('Kafka', () => {
  busContract('kafka', async () => ({
    bus: await createKafkaBus({
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      clientId: 'cartera-contract-test',
      inbox: { pool: db().pool },
      defaultPartitions: 4,
    }),
    pool: db().pool,
  }));
});
