import { BaseConfig } from '@cartera/platform';

/** Configuration of the ledger service (accounts placed by creditors, balances, payments and aging): the platform keys with its own defaults. */
export class LedgerConfig extends BaseConfig {
  override PORT = 3001;
  override DB_SCHEMA = 'ledger';
}
