import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';

// Boundaries of ARCHITECTURE.md: two tag dimensions, ANDed, designed to need no exception.
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:core',
      'type:contract',
      'type:adapter',
      'type:platform',
      'type:testing',
    ],
  },
  // Domain libs may use pure value libraries only: dates and time zones, public holidays.
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:core'],
    allowedExternalImports: ['temporal-polyfill', 'date-holidays'],
  },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], allowedExternalImports: [] },
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:core'],
    allowedExternalImports: ['class-validator', 'class-transformer'],
  },
  {
    sourceTag: 'type:adapter',
    onlyDependOnLibsWithTags: ['type:core', 'type:contract', 'type:adapter', 'type:testing'],
    bannedExternalImports: ['@nestjs/*'],
  },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:core', 'type:contract', 'type:adapter', 'type:platform', 'type:testing'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:core', 'type:contract', 'type:adapter', 'type:platform', 'type:testing'],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: [
      'type:core',
      'type:contract',
      'type:adapter',
      'type:platform',
      'type:domain',
      'type:testing',
    ],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:ledger', 'scope:shared'] },
  { sourceTag: 'scope:case-management', onlyDependOnLibsWithTags: ['scope:case-management', 'scope:shared'] },
  { sourceTag: 'scope:communications', onlyDependOnLibsWithTags: ['scope:communications', 'scope:shared'] },
  { sourceTag: 'scope:negotiation', onlyDependOnLibsWithTags: ['scope:negotiation', 'scope:shared'] },
  { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
  {
    sourceTag: 'scope:tools',
    onlyDependOnLibsWithTags: [
      'scope:ledger',
      'scope:case-management',
      'scope:communications',
      'scope:negotiation',
      'scope:reporting',
      'scope:shared',
    ],
  },
];

// Domain specs may also use the property-testing library.
const specDepConstraints = depConstraints.map((c) =>
  c.sourceTag === 'type:domain'
    ? { ...c, allowedExternalImports: [...c.allowedExternalImports, 'fast-check'] }
    : c,
);
const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: constraints,
    checkDynamicDependenciesExceptions: [],
  },
];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/.data', '**/.nx', '**/coverage', '**/*.mjs', '**/*.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Modules depend one way: an import cycle between files of the project fails the lint.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        importX.createNodeResolver({
          extensions: ['.ts', '.js'],
          tsconfig: { configFile: 'tsconfig.base.json' },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Tests and tools may print (skip lines, figures) and use any lib.
    files: ['**/*.spec.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(specDepConstraints) },
  },
];
