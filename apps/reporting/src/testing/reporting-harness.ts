import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import { createPostgresBus, type PostgresBus } from '@cartera/messaging/postgres';
import type { Pool } from 'pg';
import request from 'supertest';
import { PROJECTIONS } from '../projections/projection-definitions';
import { ProjectionsRunner } from '../projections/projections.runner';
import { ReportingModule } from '../reporting.module';

/** Every read-model table's rows, sorted, as JSON text: two dumps are equal iff the tables are. */
export const dumpReadModels = async (pool: Pool, schema = 'reporting'): Promise<Record<string, string[]>> => {
  const out: Record<string, string[]> = {};
  for (const table of PROJECTIONS.flatMap((p) => p.tables)) {
    const { rows } = await pool.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM "${schema}"."${table}" t`,
    );
    out[table] = rows.map((r) => r.row).sort();
  }
  return out;
};

/** The reporting app on a test database plus a bus publishing as the ledger would, and HTTP helpers. */
export const startReporting = async (url: string) => {
  const app: INestApplication = await createApp(ReportingModule, {
    env: { DATABASE_URL: url, LOG_LEVEL: 'silent' },
  });
  const ledgerBus: PostgresBus = createPostgresBus({ connectionString: url, source: 'cartera/ledger' });
  const runner = app.get(ProjectionsRunner);
  const tokens = new Map<string, string>();
  const token = async (roles: Role[], creditors?: string[]) => {
    const k = `${roles.join()}|${creditors?.join() ?? '*'}`;
    const known = tokens.get(k) ?? (await signDevToken({ roles, ...(creditors ? { creditors } : {}) }));
    tokens.set(k, known);
    return known;
  };
  const get = async (path: string, opts: { roles?: Role[]; creditors?: string[]; accept?: string } = {}) =>
    request(app.getHttpServer())
      .get(path)
      .set('Authorization', `Bearer ${await token(opts.roles ?? ['analyst'], opts.creditors)}`)
      .set('Accept', opts.accept ?? 'application/json');
  const post = async (path: string, roles: Role[] = ['admin']) =>
    request(app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${await token(roles)}`);
  return {
    app,
    ledgerBus,
    runner,
    get,
    post,
    close: async () => {
      await ledgerBus.close();
      await app.close();
    },
  };
};
