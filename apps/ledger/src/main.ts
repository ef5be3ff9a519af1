// Keep this import first: telemetry must patch http, express, pg and Nest before they are loaded.
import { telemetry } from './telemetry';
import { bootstrap } from '@cartera/platform';
import { LedgerModule } from './ledger.module';

void bootstrap(LedgerModule, { onShutdown: () => telemetry.shutdown() });
