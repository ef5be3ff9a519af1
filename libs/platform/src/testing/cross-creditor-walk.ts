import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  exampleOf,
  openApiDocumentOf,
  operationsOf,
  type OpenApiDocument,
  type Operation,
} from './openapi-operations';

/** What to send to one operation instead of what the walker builds from the document. */
export type RouteInput = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  contentType?: string;
};

export type CrossCreditorWalk = {
  /** Bearer token of another creditor: every role, so the role checks pass and only the scope stands. */
  token: string;
  /** Path parameter values by name (ids of the resources the test created for the owning creditor). */
  params: Record<string, string>;
  /** Text of the owner's data the caller cannot know: creditor id, references, names, e-mails. */
  secrets: readonly string[];
  /** Per operation, by key (`GET /placements/{id}`). */
  routes?: Record<string, RouteInput>;
};

/** How one operation answered the other creditor; `leaked` lists the secrets found in a 2xx answer. */
export type RouteProbe = Readonly<{ key: string; url: string; status: number; leaked: string[] }>;

const urlOf = (op: Operation, params: Record<string, string>): string =>
  op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op.key}: no value for path parameter "${name}"`);
    return encodeURIComponent(value);
  });

const send = (
  app: INestApplication,
  doc: OpenApiDocument,
  op: Operation,
  walk: CrossCreditorWalk,
  url: string,
) => {
  const input = walk.routes?.[op.key] ?? {};
  const query = {
    ...Object.fromEntries(op.requiredQuery.map((p) => [p.name, String(p.example ?? 'x')])),
    ...input.query,
  };
  const http = request(app.getHttpServer());
  const req = (http[op.method as 'get'] as (u: string) => request.Test)(url)
    .query(query)
    .set('Authorization', `Bearer ${walk.token}`);
  if (!op.body && input.body === undefined) return req;
  const contentType = input.contentType ?? op.body?.contentType ?? 'application/json';
  const body = input.body ?? (contentType.includes('json') ? exampleOf(doc, op.body?.schema ?? {}) : '');
  return req.set('Content-Type', contentType).send(body as object);
};

/**
 * Calls every operation of the app's OpenAPI document with another creditor's token and reports
 * what each answered; a route that is not creditor-scoped shows up with secrets in `leaked`.
 */
export const walkAsAnotherCreditor = async (
  app: INestApplication,
  walk: CrossCreditorWalk,
): Promise<RouteProbe[]> => {
  const doc = await openApiDocumentOf(app);
  const probes: RouteProbe[] = [];
  for (const op of operationsOf(doc)) {
    const url = urlOf(op, { ...walk.params, ...walk.routes?.[op.key]?.params });
    const res = await send(app, doc, op, walk, url);
    const text = res.text ?? JSON.stringify(res.body ?? '');
    const leaked = res.status < 300 ? walk.secrets.filter((s) => text.includes(s)) : [];
    probes.push({ key: op.key, url, status: res.status, leaked });
  }
  return probes;
};
