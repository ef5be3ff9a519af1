// Keep this import first: telemetry must patch http, express, pg and Nest before they are loaded.
import { telemetry } from './telemetry';
import { bootstrap } from '@cartera/platform';
import { CommunicationsModule } from './communications.module';

void bootstrap(CommunicationsModule, { onShutdown: () => telemetry.shutdown() });
