export { createMetricsRegistry, METRICS_REGISTRY } from './metrics';
