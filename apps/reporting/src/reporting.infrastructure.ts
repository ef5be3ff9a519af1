import type { Provider } from '@nestjs/common';
import { PLATFORM_CONFIG, PG_POOL, createServiceBus } from '@cartera/platform';
import type { Bus } from '@cartera/messaging';
import type { Pool } from 'pg';
import { REPORTING_BUS } from './projections/projections.runner';
import type { ReportingConfig } from './reporting.config';

/** BUS=postgres (embedded default, the only one a rebuild can replay for now) or kafka; the runner closes it. */
const busFactory = (config: ReportingConfig, pool: Pool): Promise<Bus> =>
  createServiceBus(config, pool, { clientId: 'reporting', source: 'cartera/reporting' });

export const reportingProviders: Provider[] = [
  { provide: REPORTING_BUS, inject: [PLATFORM_CONFIG, PG_POOL], useFactory: busFactory },
];
