import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import type { RouteInput } from './cross-creditor-walk';
import {
  exampleOf,
  openApiDocumentOf,
  operationsOf,
  type OpenApiDocument,
  type Operation,
} from './openapi-operations';

/** One hostile body: a name for the report, the bytes, and the content type it claims. */
export type FuzzCase = Readonly<{ name: string; body: Buffer; contentType: string }>;

export type FuzzProbe = Readonly<{ key: string; fuzz: string; status: number; contentType: string }>;

export type FuzzWalk = {
  /** Bearer token allowed to write (the owner's): the hostile input must reach the handler. */
  token: string;
  params: Record<string, string>;
  /** Per operation: params, and for non-JSON routes a valid `body` the cases are made from. */
  routes?: Record<string, RouteInput>;
  /** fast-check seed: the same bytes on every run. */
  seed?: number;
};

const MEGABYTE = 1024 * 1024;

/** A valid body as text: the route's own or one built from the document. */
const validBody = (doc: OpenApiDocument, op: Operation, input: RouteInput): string => {
  const body = input.body ?? exampleOf(doc, op.body?.schema ?? {});
  return typeof body === 'string' ? body : JSON.stringify(body);
};

/** Replaces the first string of a JSON value (or a CSV's first data field) with one of a megabyte. */
const withHugeField = (text: string, json: boolean): string => {
  if (!json) {
    const [header, ...rows] = text.split('\n');
    return [header, `${'x'.repeat(MEGABYTE)}${rows[0] ?? ''}`].join('\n');
  }
  return text.includes('":"')
    ? text.replace(/":"[^"]*"/, `":"${'x'.repeat(MEGABYTE)}"`)
    : `{"x":"${'x'.repeat(MEGABYTE)}"}`;
};

/** Random bytes, a truncated body, the body in UTF-16 (no BOM to tell), a body with a 1 MB field. */
export const fuzzCasesFor = (valid: string, contentType: string, seed = 16): FuzzCase[] => {
  const json = contentType.includes('json');
  const [bytes] = fc.sample(fc.uint8Array({ minLength: 64, maxLength: 4096 }), { seed, numRuns: 1 });
  const cut = json ? Math.max(1, Math.floor(valid.length / 2)) : Math.min(20, valid.indexOf('\n'));
  return [
    { name: 'random bytes', body: Buffer.from(bytes), contentType },
    { name: 'truncated', body: Buffer.from(valid.slice(0, cut)), contentType },
    { name: 'UTF-16 without byte order mark', body: Buffer.from(valid, 'utf16le'), contentType },
    { name: '1 MB field', body: Buffer.from(withHugeField(valid, json)), contentType },
  ];
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Sends hostile bodies to every write operation of the app's OpenAPI document that takes a body
 * and reports each answer; a robust API answers all of them 4xx application/problem+json.
 */
export const fuzzWriteRoutes = async (app: INestApplication, walk: FuzzWalk): Promise<FuzzProbe[]> => {
  const doc = await openApiDocumentOf(app);
  const probes: FuzzProbe[] = [];
  const takesBody = (o: Operation) => o.body !== undefined || walk.routes?.[o.key]?.body !== undefined;
  for (const op of operationsOf(doc).filter((o) => WRITES.has(o.method) && takesBody(o))) {
    const input = walk.routes?.[op.key] ?? {};
    const params = { ...walk.params, ...input.params };
    const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
    const contentType = input.contentType ?? op.body?.contentType ?? 'application/json';
    for (const fuzz of fuzzCasesFor(validBody(doc, op, input), contentType, walk.seed)) {
      const res = await (request(app.getHttpServer())[op.method as 'post'] as (u: string) => request.Test)(
        url,
      )
        .query(input.query ?? {})
        .set('Authorization', `Bearer ${walk.token}`)
        .set('Content-Type', fuzz.contentType)
        .send(fuzz.body);
      probes.push({
        key: op.key,
        fuzz: fuzz.name,
        status: res.status,
        contentType: String(res.headers['content-type'] ?? ''),
      });
    }
  }
  return probes;
};

/** The probes that did not answer 4xx problem+json. */
export const notProblemAnswers = (probes: readonly FuzzProbe[]): FuzzProbe[] =>
  probes.filter(
    (p) => p.status < 400 || p.status >= 500 || !p.contentType.startsWith('application/problem+json'),
  );
