import { IsNotEmpty, IsOptional, Matches } from 'class-validator';
import { Setting } from '@cartera/platform';

/**
 * The registry's personal-data keys. Loaded beside the service schema (its own small schema so
 * the registry owns its secrets; fold into CaseManagementConfig when that file is free to edit).
 */
export class DebtorsPiiConfig {
  @Setting({
    doc:
      'Master key wrapping every debtor data key: 32 bytes, base64 or hex. Unset: the embedded default ' +
      'generates one into PII_MASTER_KEY_FILE and says so (refused when NODE_ENV=production).',
    secret: true,
  })
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'PII_MASTER_KEY must be 32 bytes, base64 or hex',
  })
  PII_MASTER_KEY?: string;

  @Setting({ doc: 'Where the embedded default keeps its generated master key (git-ignored data folder).' })
  @IsNotEmpty()
  PII_MASTER_KEY_FILE = '.data/pii-master.key';
}
