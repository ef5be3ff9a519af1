import { Injectable } from '@nestjs/common';

/**
 * A readiness check: resolves (optionally with details, e.g. `{ lag: 3 }`) when healthy, throws
 * (or rejects) with the reason when not.
 */
export type ReadinessCheck = () => Promise<Record<string, unknown> | void>;

/**
 * Services add their own readiness checks (projection lag, bus blocked partitions) to
 * /health/ready: `constructor(readiness: ReadinessRegistry) { readiness.add('projections', …) }`.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  remove(name: string): void {
    this.checks.delete(name);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks];
  }
}
