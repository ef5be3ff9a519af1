import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Pool } from 'pg';
import { Public } from '../auth/auth.decorators';
import { PG_POOL } from '../database/pg-pool';
import { problem, PROBLEM_TYPES } from '../http/problem-details';
import { ReadinessRegistry, type ReadinessCheck } from './readiness.registry';

const CHECK_TIMEOUT_MS = 3_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The process answers: restart it if not. */
  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** The service can do its work: database answers and every registered check passes. */
  @Get('ready')
  async ready(): Promise<HealthCheckResult> {
    const checks: [string, ReadinessCheck][] = [
      ['database', () => this.pool.query('SELECT 1').then(() => undefined)],
      ...this.readiness.entries(),
    ];
    try {
      return await this.health.check(
        checks.map(
          ([name, check]) =>
            () =>
              this.indicate(name, check),
        ),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw new ServiceUnavailableException(
        problem(503, {
          type: PROBLEM_TYPES.notReady,
          title: 'Not ready',
          detail: `Failing: ${Object.keys(result.error ?? {}).join(', ')}`,
          checks: result.details,
        }),
      );
    }
  }

  private async indicate(name: string, check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(name);
    try {
      const details = await withTimeout(check(), CHECK_TIMEOUT_MS);
      return indicator.up(details ?? {});
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
