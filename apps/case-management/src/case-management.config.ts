import { BaseConfig } from '@cartera/platform';

/** Configuration of the case-management service (cases, debtors and collection strategies): the platform keys with its own defaults. */
export class CaseManagementConfig extends BaseConfig {
  override PORT = 3002;
  override DB_SCHEMA = 'case_management';
}
