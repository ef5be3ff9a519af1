import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import { createPostgresBus } from '@cartera/messaging/postgres';
import type { ReceivedMessage } from '@cartera/messaging';
import { createApp, signDevToken } from '@cartera/platform';
import { eventually, useTestDatabase } from '@cartera/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { AccountsCommands } from './accounts/accounts.commands';
import { LedgerBackground } from './ledger.background';
import { LedgerModule } from './ledger.module';
import { placement, SYSTEM_CTX } from './testing/ledger-fixtures';

describe('ledger roles: an api process beside a worker process', () => {
  let api: INestApplication | undefined;
  let worker: INestApplication | undefined;
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });
  const db = useTestDatabase();

  it('the api process answers commands and runs no background; the worker projects and publishes them', async () => {
    api = await createApp(LedgerModule, {
      env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent', LEDGER_ROLE: 'api' },
    });
    const http = request(api.getHttpServer());
    const agent = `Bearer ${await signDevToken({ roles: ['agent'], sub: 'agent-1' })}`;
    const cmd = placement('ROLE-1', { creditorId: 'role-bank' });
    const id = cmd.data.accountId;
    await api.get(AccountsCommands).handle(id, cmd, SYSTEM_CTX);
    const paid = await http.post(`/accounts/${id}/payments`).set('Authorization', agent).send({
      paymentId: 'role-p1',
      amountMinor: '5000',
      currency: 'COP',
      paidAt: '2026-02-01T15:00:00Z',
      channel: 'card',
    });
    expect(paid.status).toBe(201);

    // Nothing behind the api process: no subscription took a checkpoint, the read model has no row.
    expect(api.get(LedgerBackground).runsBackground).toBe(false);
    const pool = new Pool({ connectionString: db().url });
    try {
      expect((await pool.query('SELECT name FROM ledger.es_checkpoints')).rows).toEqual([]);
      expect((await http.get(`/accounts/${id}`).set('Authorization', agent)).status).toBe(404);

      worker = await createApp(LedgerModule, {
        env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent', LEDGER_ROLE: 'worker' },
      });
      await worker.get(LedgerBackground).caughtUp();
      const view = await http.get(`/accounts/${id}`).set('Authorization', agent);
      expect(view.status).toBe(200);
      // 103,500 placed, 5,000 paid (fees, then interest, then principal).
      expect(view.body).toMatchObject({
        version: 1,
        totalMinor: '98500',
        balance: { principal: '98500', interest: '0', fees: '0' },
      });
      expect(
        (await pool.query('SELECT name FROM ledger.es_checkpoints ORDER BY name')).rows.length,
      ).toBeGreaterThanOrEqual(2);
    } finally {
      await pool.end();
    }

    const bus = createPostgresBus({ connectionString: db().url });
    const seen: ReceivedMessage[] = [];
    const consumer = bus.subscribe({
      topics: [TOPICS.ledger],
      group: 'roles-test',
      policy: { kind: 'dead-letter', maxAttempts: 1 },
      handler: async (m) => void seen.push(m),
    });
    try {
      await eventually(() => seen.some((m) => m.type === 'BalanceChanged'), {
        what: 'BalanceChanged published by the worker',
      });
      expect(
        seen.filter((m) => (m.payload as { accountId: string }).accountId === id).map((m) => m.type),
      ).toEqual(['AccountPlaced', 'PaymentPosted', 'BalanceChanged']);
    } finally {
      await consumer.stop();
      await bus.close();
    }
  });
});
