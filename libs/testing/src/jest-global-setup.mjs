// One PostgreSQL server per Jest run; each test file then creates its own database in it.
import { startPostgres, TEST_TUNING } from './postgres-server.cjs';

export default async function globalSetup() {
  const server = await startPostgres({ tuning: TEST_TUNING });
  globalThis.__CARTERA_PG__ = server;
  // Jest workers are forked after global setup and inherit this environment.
  process.env.CARTERA_TEST_PG_ADMIN_URL = server.url;
  process.stdout.write(`\n[cartera/testing] PostgreSQL for this run: ${server.kind}\n`);
}
