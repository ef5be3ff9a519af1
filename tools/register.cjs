// `node -r ./tools/register.cjs file.ts`: runs the TypeScript sources directly. swc transpiles each
// file on first require (same options as Jest) and @cartera/* aliases resolve through
// tsconfig.base.json, so there is no separate build step to forget before `npm start` or a bench.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
const { base } = require('./swc.config.js');

const root = path.resolve(__dirname, '..');
const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const aliases = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = aliases.get(request);
  return resolve.call(this, target ?? request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    ...base,
    filename,
    sourceMaps: 'inline',
    swcrc: false,
    configFile: false,
  });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
require('reflect-metadata');
