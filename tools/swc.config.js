// The one swc configuration: Jest transforms and the runtime build share it, so what is tested is
// what runs (legacy decorators with metadata, as Nest's DI needs).
const base = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};
module.exports = { base, jest: { ...base, sourceMaps: 'inline' } };
