/** Qualified names of the communications service's own tables in its schema. */
export type CommunicationsTables = Readonly<{
  schema: string;
  migrations: string;
  activeHolds: string;
  contactProfiles: string;
  contactHistory: string;
  providerMessages: string;
}>;

export const communicationsTables = (schema: string): CommunicationsTables => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  const q = `"${schema}"`;
  return {
    schema,
    migrations: `${q}.schema_migrations`,
    activeHolds: `${q}.active_holds`,
    contactProfiles: `${q}.contact_profiles`,
    contactHistory: `${q}.contact_history`,
    providerMessages: `${q}.provider_messages`,
  };
};
