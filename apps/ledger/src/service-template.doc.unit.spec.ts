import { documentedPaths, missingDocumentedPaths } from '@cartera/platform/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('docs/service-template.md', () => {
  it('names only files and folders that exist', () => {
    expect(missingDocumentedPaths('docs/service-template.md', root)).toEqual([]);
  });

  it('walks through every room with real ledger paths', () => {
    const paths = documentedPaths(readFileSync(join(root, 'docs/service-template.md'), 'utf8'));
    expect(paths.length).toBeGreaterThanOrEqual(20);
    expect(paths.filter((p) => p.startsWith('apps/ledger/')).length).toBeGreaterThanOrEqual(12);
    expect(documentedPaths('see `apps/ledger/src/gone.ts`, `libs/x/` and `libs/<any>/`')).toEqual([
      'apps/ledger/src/gone.ts',
      'libs/x/',
    ]);
  });
});
