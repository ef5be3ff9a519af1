// Keep this import first: telemetry must patch http, express, pg and Nest before they are loaded.
import { telemetry } from './telemetry';
import { bootstrap } from '@cartera/platform';
import { CaseManagementModule } from './case-management.module';

void bootstrap(CaseManagementModule, { onShutdown: () => telemetry.shutdown() });
