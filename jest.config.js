// One Jest run for the whole workspace: one PostgreSQL server (global setup), a fresh database
// per test file, @swc/jest for speed (type-checking is `npm run typecheck`).
const fs = require('node:fs');
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${escape(alias)}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['apps', 'libs', 'tools']
    .filter((d) => fs.existsSync(path.join(__dirname, d)))
    .map((d) => `<rootDir>/${d}`),
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', require('./tools/swc.config.js').jest],
    // jose 6 and temporal-polyfill (with temporal-utils) are ESM-only; Node loads them with require() at run time, Jest needs them transpiled.
    '/node_modules/(jose|temporal-polyfill|temporal-utils)/.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|temporal-polyfill|temporal-utils)/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  testTimeout: 60_000,
  // BigInt in assertion diffs crashes Jest's worker serialisation; this keeps messages readable.
  prettierPath: null,
};
