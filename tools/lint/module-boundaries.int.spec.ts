import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The architecture's boundaries are enforced by `npm run lint`; these cases prove the rule bites
// (and does not bite where the architecture allows the import). ESLint reads the source from
// stdin under a path inside the project, so nothing is written to the tree.
const root = join(__dirname, '..', '..');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

const lint = (filePath: string, source: string): string[] => {
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    {
      cwd: root,
      input: source,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
};

describe('module boundaries (npm run lint)', () => {
  beforeAll(() => {
    // The rule needs the project graph; `npm run lint` computes it the same way first.
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  });

  it('rejects a domain file importing an adapter', () => {
    const errors = lint(
      'libs/ledger/domain/src/account/bad-import.ts',
      "import { createPostgresEventStore } from '@cartera/eventstore/postgres';\nexport const x = createPostgresEventStore;\n",
    );
    expect(errors.join('\n')).toMatch(/type:domain/);
  });

  it('rejects a domain file importing an external package', () => {
    const errors = lint(
      'libs/ledger/domain/src/account/bad-import.ts',
      "import { Pool } from 'pg';\nexport const x = Pool;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('rejects a core library importing an adapter', () => {
    const errors = lint(
      'libs/money/src/bad-import.ts',
      "import { WrongExpectedVersion } from '@cartera/eventstore';\nexport const x = WrongExpectedVersion;\n",
    );
    expect(errors.join('\n')).toMatch(/type:core/);
  });

  it('allows an adapter to import a core library', () => {
    expect(
      lint(
        'libs/eventstore/src/ok-import.ts',
        "import { fold } from '@cartera/decider';\nexport const x = fold;\n",
      ),
    ).toEqual([]);
  });
});
