// Keep this import first: telemetry must patch http, express, pg and Nest before they are loaded.
import { telemetry } from './telemetry';
import { bootstrap } from '@cartera/platform';
import { NegotiationModule } from './negotiation.module';

void bootstrap(NegotiationModule, { onShutdown: () => telemetry.shutdown() });
