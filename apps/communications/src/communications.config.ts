import { BaseConfig } from '@cartera/platform';

/** Configuration of the communications service (messages to debtors under the contact policy): the platform keys with its own defaults. */
export class CommunicationsConfig extends BaseConfig {
  override PORT = 3003;
  override DB_SCHEMA = 'communications';
}
