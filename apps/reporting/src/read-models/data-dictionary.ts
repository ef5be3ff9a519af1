import { getMetadataArgsStorage } from 'typeorm';
import { READ_MODEL_ENTITIES } from './index';

type ColumnOptions = {
  type?: unknown;
  name?: string;
  comment?: string;
  nullable?: boolean;
  length?: number | string;
  primary?: boolean;
};

const typeName = (o: ColumnOptions): string => {
  const t = typeof o.type === 'string' ? o.type : 'text';
  return o.length ? `${t}(${o.length})` : t;
};

const cell = (text: string) => text.replace(/\|/g, '\\|');
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The data dictionary of the `reporting` schema, generated from the TypeORM entities (the tables'
 * only definition), so the document cannot drift: a test fails when the file is stale.
 */
export const dataDictionary = (schema = 'reporting'): string => {
  const storage = getMetadataArgsStorage();
  const lines = [
    '# Reporting data dictionary',
    '',
    '<!-- Generated from the TypeORM entities in apps/reporting/src/read-models; do not edit by hand.',
    '     Regenerate: node -r ./tools/register.cjs apps/reporting/src/cli/data-dictionary.cli.ts -->',
    '',
    `Read models of the reporting service, in the PostgreSQL schema \`${schema}\`. Money is in **minor units**`,
    "(`bigint`) of the row's ISO 4217 `currency`; dates are business dates, instants are `timestamptz`.",
    "Rows are projected from the services' contract events; rebuilding a projection yields the same rows.",
    '',
    "## Access for analysts' SQL tools",
    '',
    `The service creates the NOLOGIN role \`cartera_analyst\` (setting \`REPORTING_ANALYST_ROLE\`) with USAGE on the schema`,
    'and SELECT on its tables (default privileges cover tables created later, including after a rebuild).',
    "Grant it to a login role: `CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE cartera_analyst;`.",
    'The tables hold no personal data: the debtor timeline drops names, contact data and identifiers from payloads.',
    '',
  ];
  for (const entity of READ_MODEL_ENTITIES) {
    const table = storage.tables.find((t) => t.target === entity);
    if (!table?.name) continue;
    lines.push(
      `## \`${schema}.${table.name}\``,
      '',
      table.comment ?? '',
      '',
      '| column | type | null | key | description |',
      '|---|---|---|---|---|',
    );
    for (const c of storage.columns.filter((col) => col.target === entity)) {
      const o = c.options as ColumnOptions;
      const key = c.mode === 'regular' && !o.primary ? '' : 'PK';
      lines.push(
        `| \`${o.name ?? snake(c.propertyName)}\` | ${typeName(o)} | ${o.nullable ? 'yes' : 'no'} | ${key} | ${cell(o.comment ?? '')} |`,
      );
    }
    const indices = storage.indices.filter((i) => i.target === entity);
    if (indices.length) {
      lines.push(
        '',
        `Indexes: ${indices.map((i) => `\`${i.name}\` (${(Array.isArray(i.columns) ? i.columns : []).map((c) => snake(String(c))).join(', ')})`).join('; ')}.`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
};
