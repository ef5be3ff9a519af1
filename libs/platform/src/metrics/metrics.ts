import { Controller, Get, Inject, Injectable, type NestMiddleware, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';

/** The service's Prometheus registry: inject it to add counters, gauges and histograms. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** One registry per app (tests create several apps in one process), with Node's default metrics. */
export const createMetricsRegistry = (service: string): Registry => {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
};

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.registry.contentType);
    return this.registry.metrics();
  }
}

const HTTP_DURATION = 'http_request_duration_seconds';

/** http_request_duration_seconds by method, matched route (not the raw URL: bounded labels) and status. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    // Nest may build a middleware more than once; the registry holds the one histogram.
    const existing = registry.getSingleMetric(HTTP_DURATION) as
      Histogram<'method' | 'route' | 'status'> | undefined;
    this.duration =
      existing ??
      new Histogram({
        name: HTTP_DURATION,
        help: 'HTTP request duration by method, route and status',
        labelNames: ['method', 'route', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.duration.startTimer();
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
