import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

/** The parts of an OpenAPI 3 document the walkers read. */
export type OpenApiSchema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
};
type Parameter = { name: string; in: string; required?: boolean; schema?: OpenApiSchema; example?: unknown };
type RawOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
};

/** One operation of the document: `key` is how callers name it, e.g. `POST /accounts/{id}/payments`. */
export type Operation = Readonly<{
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  requiredQuery: Parameter[];
  /** First documented request content type and its schema; undefined when the route takes no body. */
  body?: { contentType: string; schema: OpenApiSchema };
}>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The app's OpenAPI document as it serves it (`/docs/json`, set up by createApp). */
export const openApiDocumentOf = async (app: INestApplication): Promise<OpenApiDocument> => {
  const res = await request(app.getHttpServer()).get('/docs/json');
  if (res.status !== 200) throw new Error(`GET /docs/json answered ${res.status}`);
  return res.body as OpenApiDocument;
};

/** Every operation of the document, in document order. */
export const operationsOf = (doc: OpenApiDocument): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m];
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        key: `${m.toUpperCase()} ${path}`,
        method: m,
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        requiredQuery: (op.parameters ?? []).filter((p) => p.in === 'query' && p.required),
        ...(contentType ? { body: { contentType, schema: media?.schema ?? {} } } : {}),
      };
    }),
  );

const resolve = (doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema => {
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {});
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
};

const byFormat = (format: string | undefined): string => {
  if (format === 'uuid') return randomUUID();
  if (format === 'date-time') return new Date().toISOString();
  if (format === 'date') return new Date().toISOString().slice(0, 10);
  return 'x';
};

/**
 * A value the schema accepts, built from its examples: example, default, first enum member, then
 * by type. Objects get their required properties and every optional one that has an example.
 */
export const exampleOf = (doc: OpenApiDocument, raw: OpenApiSchema): unknown => {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'array') return [exampleOf(doc, schema.items ?? {})];
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'object' || schema.properties) {
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(schema.properties ?? {}).filter(
      ([name, p]) => required.has(name) || resolve(doc, p).example !== undefined,
    );
    return Object.fromEntries(entries.map(([name, p]) => [name, exampleOf(doc, p)]));
  }
  return byFormat(schema.format);
};
