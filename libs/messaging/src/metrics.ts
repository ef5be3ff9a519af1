import { Counter, Gauge, register } from 'prom-client';

// Registered once per process on prom-client's default registry (the one /metrics exposes).
const gauge = (name: string, help: string, labelNames: string[]): Gauge =>
  (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, labelNames });
const counter = (name: string, help: string, labelNames: string[]): Counter =>
  (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });

export const busMetrics = {
  /** Alert on > 0: a `block` consumer stopped a partition and needs someone to fix the fault. */
  blockedPartitions: () =>
    gauge('cartera_bus_blocked_partitions', 'Partitions stopped by a failing message (policy block)', [
      'group',
      'topic',
      'partition',
    ]),
  deadLettered: () =>
    counter('cartera_bus_dead_lettered_total', 'Messages sent to a dead-letter topic', [
      'group',
      'topic',
      'reason',
    ]),
  handlerFailures: () =>
    counter('cartera_bus_handler_failures_total', 'Failed handler attempts', ['group', 'topic']),
  unavailable: () =>
    counter(
      'cartera_bus_store_unavailable_total',
      'Deliveries retried because the database or broker could not be reached (no attempt counted)',
      ['group', 'topic'],
    ),
  processed: () =>
    counter('cartera_bus_processed_total', 'Messages handled successfully', ['group', 'topic']),
};
