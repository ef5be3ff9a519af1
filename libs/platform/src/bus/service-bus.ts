import type { Bus } from '@cartera/messaging';
import { createKafkaBus } from '@cartera/messaging/kafka';
import { createPostgresBus } from '@cartera/messaging/postgres';
import type { Pool } from 'pg';
import { busOptionsOf, type BaseConfig } from '../config/base.config';

/**
 * The service's bus as configured: BUS=kafka (its inbox in the service's pool) or the embedded
 * PostgreSQL bus. `source` names the publishing service in every message it sends.
 */
export const createServiceBus = (
  config: BaseConfig,
  pool: Pool,
  { clientId, source }: { clientId: string; source: string },
): Promise<Bus> =>
  config.BUS === 'kafka'
    ? createKafkaBus({
        brokers: (config.KAFKA_BROKERS ?? '').split(','),
        clientId,
        source,
        inbox: { pool },
        ...busOptionsOf(config),
      })
    : Promise.resolve(
        createPostgresBus({ connectionString: config.DATABASE_URL, source, ...busOptionsOf(config) }),
      );
