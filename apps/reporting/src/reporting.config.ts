import { BaseConfig } from '@cartera/platform';

/** Configuration of the reporting service (projections over every context's contract events): the platform keys with its own defaults. */
export class ReportingConfig extends BaseConfig {
  override PORT = 3005;
  override DB_SCHEMA = 'reporting';
}
