export * from './personal-data';
export * from './telemetry';
export * from './trace-context';
