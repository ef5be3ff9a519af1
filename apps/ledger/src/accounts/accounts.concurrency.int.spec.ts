import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerModule } from '../ledger.module';
import { placement, SYSTEM_CTX } from '../testing/ledger-fixtures';
import { AccountsCommands } from './accounts.commands';

describe('ledger: concurrent commands on one account', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });

  it('16 clients posting distinct payments at once all succeed: a version conflict is retried, never a 409', async () => {
    const cmd = placement('HOT-1', { creditorId: 'hot-bank' });
    const id = cmd.data.accountId;
    await app.get(AccountsCommands).handle(id, cmd, SYSTEM_CTX);
    const token = `Bearer ${await signDevToken({ roles: ['agent'] })}`;
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        request(app.getHttpServer())
          .post(`/accounts/${id}/payments`)
          .set('Authorization', token)
          .send({
            paymentId: `hot-${i}`,
            amountMinor: '100',
            currency: 'COP',
            paidAt: '2026-02-01T15:00:00Z',
            channel: 'card',
          }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 16 }, () => 201));
    const { rows } = await db().pool.query(
      `SELECT count(*)::int AS n FROM ledger.es_events WHERE stream_id = $1 AND type = 'PaymentPosted'`,
      [`account-${id}`],
    );
    expect(rows).toEqual([{ n: 16 }]);
  });
});
