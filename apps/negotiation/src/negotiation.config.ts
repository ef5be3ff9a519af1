import { BaseConfig } from '@cartera/platform';

/** Configuration of the negotiation service (promises to pay, payment plans and settlements): the platform keys with its own defaults. */
export class NegotiationConfig extends BaseConfig {
  override PORT = 3004;
  override DB_SCHEMA = 'negotiation';
}
