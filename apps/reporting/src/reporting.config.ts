import { BaseConfig, Setting } from '@cartera/platform';
import { Matches } from 'class-validator';

/** Configuration of the reporting service (projections over every context's contract events): the platform keys with its own defaults. */
export class ReportingConfig extends BaseConfig {
  override PORT = 3005;
  override DB_SCHEMA = 'reporting';

  @Setting({
    doc: 'Read-only NOLOGIN role created at start-up for analysts’ SQL tools (SELECT on the reporting schema); empty: none.',
  })
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, {
    message: 'REPORTING_ANALYST_ROLE must be a lower-case SQL identifier or empty',
  })
  REPORTING_ANALYST_ROLE = 'cartera_analyst';
}
