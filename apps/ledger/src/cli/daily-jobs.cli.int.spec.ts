import type { INestApplication } from '@nestjs/common';
import { createApp } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LedgerBackground } from '../ledger.background';
import { LedgerModule } from '../ledger.module';

const root = join(__dirname, '..', '..', '..', '..');
const dailyJobs = (url: string, ...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(__dirname, 'daily-jobs.cli.ts'), ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: url } },
  );

describe('daily-jobs --now beside a running ledger service', () => {
  let app: INestApplication | undefined;
  afterAll(() => app?.close());
  const db = useTestDatabase();

  it('says what it waits for and gives up with a clear message while the service holds the projection', async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
    await app.get(LedgerBackground).caughtUp();
    const run = dailyJobs(db().url, '--now', '2026-03-01T06:00:00Z', '--wait', '2');
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /waiting for the lock of projection:account_summary[\s\S]*gave up after 2 s: .*running ledger service/,
      ),
    });
  });

  it('runs once the service is stopped', async () => {
    await app?.close();
    app = undefined;
    const { stdout } = await dailyJobs(db().url, '--now', '2026-03-01T06:00:00Z', '--wait', '2');
    expect(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).figure),
    ).toEqual(['read_model_catch_up', 'interest_job', 'aging_job']);
  });
});
