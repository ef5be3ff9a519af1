// The ledger's placement import without HTTP (launched by tools/import-placements.ts): the same
// streaming importer, straight on the database (DATABASE_URL; schema LEDGER_SCHEMA, default
// `ledger`). Prints the summary as one JSON line (with the process's peak RSS) and exits 1 when
// rows were rejected or the import failed; the error report goes to stderr as CSV.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPostgresEventStore } from '@cartera/eventstore/postgres';
import { Pool } from 'pg';
import { v7 } from 'uuid';
import { CreditorPolicies } from '../accounts/creditor-policies';
import { ledgerTables, migrateLedgerSchema, STORE_CONNECTION_OPTIONS } from '../ledger.schema';
import { PlacementImporter } from '../placements/placement-import';
import { PlacementsTable } from '../placements/placements.table';

const main = async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      creditor: { type: 'string' },
      parallel: { type: 'string' },
      'batch-size': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  const url = process.env['DATABASE_URL'];
  if (!file || !url)
    throw new Error(
      'usage: DATABASE_URL=postgres://… import-placements <file.csv|file.ndjson> [--format csv|ndjson] [--creditor id]',
    );
  const format = values.format === 'ndjson' || /\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv';
  const parallel = Number(values.parallel ?? 3);
  const pool = new Pool({ connectionString: url, max: parallel + 3, options: STORE_CONNECTION_OPTIONS });
  const t = ledgerTables(process.env['LEDGER_SCHEMA'] ?? 'ledger');
  await migrateLedgerSchema(pool, t);
  const store = await createPostgresEventStore({ pool, schema: t.schema });
  try {
    const policies = new CreditorPolicies(pool, t);
    await policies.refresh();
    const placements = new PlacementsTable(pool, t);
    const importer = new PlacementImporter(store, pool, t, policies, placements, {
      parallel,
      batchSize: Number(values['batch-size'] ?? 500),
    });
    const placementId = v7();
    await placements.start(placementId, format, 'cli', file);
    await importer
      .run(createReadStream(file), {
        placementId,
        format,
        actor: { kind: 'system', id: 'import-placements-cli' },
        ...(values.creditor ? { creditorId: values.creditor } : {}),
      })
      .catch(() => undefined);
    const summary = await placements.get(placementId);
    process.stdout.write(
      `${JSON.stringify({ ...summary, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
    );
    if (!values.quiet)
      for await (const page of placements.errors(placementId))
        for (const e of page) console.error(`${e.row},${e.field},${JSON.stringify(e.reason)}`);
    process.exitCode = summary?.status === 'completed' && summary.rowsRejected === 0 ? 0 : 1;
  } finally {
    await store.close();
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
