/** Qualified names of the negotiation service's own tables in its schema. */
export type NegotiationTables = Readonly<{
  schema: string;
  migrations: string;
  promises: string;
  creditorRules: string;
}>;

export const negotiationTables = (schema: string): NegotiationTables => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const q = `"${schema}"`;
  return {
    schema,
    migrations: `${q}.schema_migrations`,
    promises: `${q}.promises`,
    creditorRules: `${q}.creditor_rules`,
  };
};
