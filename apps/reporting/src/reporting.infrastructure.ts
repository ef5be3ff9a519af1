import type { Provider } from '@nestjs/common';
import { busOptionsOf, PLATFORM_CONFIG, PG_POOL } from '@cartera/platform';
import type { Bus } from '@cartera/messaging';
import { createKafkaBus } from '@cartera/messaging/kafka';
import { createPostgresBus } from '@cartera/messaging/postgres';
import type { Pool } from 'pg';
import { REPORTING_BUS } from './projections/projections.runner';
import type { ReportingConfig } from './reporting.config';

/** BUS=postgres (embedded default, the only one a rebuild can replay for now) or kafka; the runner closes it. */
const busFactory = async (config: ReportingConfig, pool: Pool): Promise<Bus> =>
  config.BUS === 'kafka'
    ? createKafkaBus({
        brokers: (config.KAFKA_BROKERS ?? '').split(','),
        clientId: 'reporting',
        source: 'cartera/reporting',
        inbox: { pool },
        ...busOptionsOf(config),
      })
    : createPostgresBus({
        connectionString: config.DATABASE_URL,
        source: 'cartera/reporting',
        ...busOptionsOf(config),
      });

export const reportingProviders: Provider[] = [
  { provide: REPORTING_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
];
