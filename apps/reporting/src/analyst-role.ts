import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PG_POOL, PLATFORM_CONFIG } from '@cartera/platform';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { ReportingConfig } from './reporting.config';

const RACES = new Set(['42710', '23505', 'XX000']); // role exists / created concurrently / tuple concurrently updated

/**
 * The read-only role for analysts' own SQL tools: NOLOGIN (grant it to a login role), USAGE on
 * the reporting schema, SELECT on its tables now and on tables created later (default privileges).
 * Roles are cluster-wide, so a concurrent creation by another database's service is tolerated.
 */
export const ensureAnalystRole = async (pool: Pool, schema: string, role: string): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query(
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE "${role}" NOLOGIN; END IF; END $$`,
      );
      await pool.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
      await pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`);
      await pool.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT ON TABLES TO "${role}"`);
      return;
    } catch (error) {
      if (attempt >= 5 || !RACES.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
};

/** Creates the analyst role once TypeORM has created the tables; a database user without CREATEROLE only logs why. */
@Injectable()
export class AnalystRoleSetup implements OnApplicationBootstrap {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_CONFIG) private readonly config: ReportingConfig,
    readonly tables: DataSource, // injected so the tables exist first
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.REPORTING_ANALYST_ROLE) return;
    await ensureAnalystRole(this.pool, this.config.DB_SCHEMA, this.config.REPORTING_ANALYST_ROLE).catch(
      (error: Error) =>
        new Logger('AnalystRole').warn(
          `role ${this.config.REPORTING_ANALYST_ROLE} not set up: ${error.message}`,
        ),
    );
  }
}
