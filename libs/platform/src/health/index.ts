export * from './readiness.registry';
