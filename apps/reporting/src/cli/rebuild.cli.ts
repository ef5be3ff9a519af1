// `node -r ./tools/register.cjs apps/reporting/src/cli/rebuild.cli.ts <projection>` (DATABASE_URL, DB_SCHEMA):
// the same rebuild as `POST /admin/projections/:name/rebuild`, from a shell, while the service
// keeps running. The read-model tables must exist (the service has started once). Prints one JSON line.
import { loadConfig } from '@cartera/platform';
import { Pool } from 'pg';
import { PROJECTIONS, projectionNamed } from '../projections/projection-definitions';
import { ProjectionRebuild } from '../projections/projection-rebuild';
import { ReportingConfig } from '../reporting.config';

const main = async () => {
  const name = process.argv[2];
  const def = name ? projectionNamed(name) : undefined;
  if (!def) throw new Error(`usage: rebuild.cli.ts <${PROJECTIONS.map((p) => p.name).join('|')}>`);
  const config = loadConfig(ReportingConfig, process.env);
  if (config.BUS !== 'postgres')
    throw new Error('Rebuild replays the PostgreSQL bus log; BUS=kafka is not supported yet');
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 4 });
  try {
    const result = await new ProjectionRebuild(pool, def, config.DB_SCHEMA).run();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await pool.end();
  }
};

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
