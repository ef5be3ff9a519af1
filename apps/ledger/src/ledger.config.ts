import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { BaseConfig, Setting } from '@cartera/platform';

export type LedgerRole = 'all' | 'api' | 'worker';

/** Configuration of the ledger service (accounts placed by creditors, balances, payments and aging): the platform keys with its own defaults. */
export class LedgerConfig extends BaseConfig {
  override PORT = 3001;
  override DB_SCHEMA = 'ledger';

  @Setting({
    doc:
      'What this process runs: all (HTTP and the background work), api (HTTP only) or worker (the read-model ' +
      'projection, the publisher and the daily jobs; HTTP too, for health, metrics and queries). Commands and ' +
      'background share one thread in a single process; under load run api processes beside one worker.',
  })
  @IsIn(['all', 'api', 'worker'])
  LEDGER_ROLE: LedgerRole = 'all';

  @Setting({
    doc: 'Largest placement file POST /placements accepts, in bytes (413 beyond it; with Content-Length nothing is read).',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  PLACEMENT_MAX_BYTES = 512 * 1024 * 1024;

  @Setting({
    doc: 'How far into the future a business time (paidAt, reversedAt, appliedAt, at) may lie, in seconds: clocks of callers drift.',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400)
  BUSINESS_TIME_SKEW_SECONDS = 300;
}
