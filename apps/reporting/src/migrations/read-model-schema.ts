import type { QueryRunner } from 'typeorm';

/** The schema the service's DataSource works in (DB_SCHEMA), quoted: migrations never name it themselves. */
export const schemaOf = (queryRunner: QueryRunner): string => {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  return `"${schema}"`;
};
