import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken } from '@cartera/platform';
import { fuzzWriteRoutes, notProblemAnswers } from '@cartera/platform/testing';
import { useTestDatabase } from '@cartera/testing';
import { AccountsCommands } from './accounts/accounts.commands';
import { LedgerModule } from './ledger.module';
import { placement, SYSTEM_CTX } from './testing/ledger-fixtures';

const HEADER =
  'creditorAccountRef,debtorReference,fullName,timeZone,currency,principalMinor,originatedOn,firstUnpaidDueDate,product';
const CSV = `${HEADER}\nF-1,D-1,Ana Pérez,America/Bogota,COP,100000,2023-01-15,2026-01-01,card\n`;

describe('ledger: hostile bodies on every write route', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });

  it('answers random bytes, truncated bodies, UTF-16 and 1 MB fields with 4xx problem+json, appending nothing', async () => {
    const cmd = placement('FUZZ-1', { creditorId: 'fuzz-bank' });
    await app.get(AccountsCommands).handle(cmd.data.accountId, cmd, SYSTEM_CTX);
    const events = async () =>
      (await db().pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger.es_events')).rows[0].n;
    const before = await events();
    const probes = await fuzzWriteRoutes(app, {
      token: await signDevToken({ roles: ['admin'] }),
      params: { id: cmd.data.accountId, paymentId: 'p-1' },
      routes: {
        'POST /placements': { contentType: 'text/csv', body: CSV, query: { creditorId: 'fuzz-bank' } },
      },
    });
    expect(probes.length).toBeGreaterThanOrEqual(6 * 4);
    expect(notProblemAnswers(probes)).toEqual([]);
    expect(await events()).toBe(before);
  });
});
