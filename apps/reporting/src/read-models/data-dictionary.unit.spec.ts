import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDictionary } from './data-dictionary';

describe('DATA_DICTIONARY.md', () => {
  it('is what the entities generate (regenerate with apps/reporting/src/cli/data-dictionary.cli.ts)', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'DATA_DICTIONARY.md'), 'utf8');
    expect(file).toBe(dataDictionary());
  });

  it('describes every column', () => {
    const rows = dataDictionary()
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(row).not.toMatch(/\| \|$/);
  });
});
