import { startTelemetry } from '@cartera/observability';

/** Started on import, before Nest, express and pg are loaded: main.ts imports this first. */
export const telemetry = startTelemetry({ serviceName: 'ledger' });
