#!/usr/bin/env node
// `npm run build`: transpiles apps/ and libs/ (specs excluded) to dist/ with the same swc options
// as Jest and tools/register.cjs, rewriting @cartera/* aliases to relative paths, so a deployed
// service runs plain JavaScript (`node dist/apps/ledger/src/main.js`). Type-checking is `npm run typecheck`.
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { base } = createRequire(import.meta.url)('./swc.config.js');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const out = join(root, 'dist');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sources(full);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield full;
    }
  }
}

let count = 0;
for (const top of ['apps', 'libs']) {
  for await (const file of sources(join(root, top))) {
    const { code, map } = await transformFile(file, {
      ...base,
      swcrc: false,
      jsc: { ...base.jsc, baseUrl: root, paths },
      sourceMaps: true,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
process.stdout.write(`built ${count} files into dist/\n`);
