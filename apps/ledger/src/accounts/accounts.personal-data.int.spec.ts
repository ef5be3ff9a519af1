import type { INestApplication } from '@nestjs/common';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import { useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { LedgerModule } from '../ledger.module';
import { placement, SYSTEM_CTX } from '../testing/ledger-fixtures';
import { AccountsCommands } from './accounts.commands';

describe('ledger: personal data by role', () => {
  let app: INestApplication;
  afterAll(() => app?.close());
  const db = useTestDatabase();

  beforeAll(async () => {
    app = await createApp(LedgerModule, { env: { DATABASE_URL: db().url, LOG_LEVEL: 'silent' } });
  });

  it('masks names, contact data and notes in an account’s events for the analyst, not for compliance', async () => {
    const cmd = placement('PII-1', { creditorId: 'pii-bank' });
    const id = cmd.data.accountId;
    const commands = app.get(AccountsCommands);
    await commands.handle(id, cmd, SYSTEM_CTX);
    await commands.handle(
      id,
      {
        type: 'ApplyAdjustment',
        data: {
          adjustmentId: 'adj-1',
          delta: { fees: -100n },
          currency: 'COP',
          reason: 'waiver',
          note: 'Ana called from her mobile',
          appliedAt: '2026-01-20T12:00:00Z',
        },
      },
      SYSTEM_CTX,
    );
    const eventsAs = async (role: Role) =>
      request(app.getHttpServer())
        .get(`/accounts/${id}/events`)
        .set('Authorization', `Bearer ${await signDevToken({ roles: [role] })}`);
    const analyst = await eventsAs('analyst');
    expect(analyst.status).toBe(200);
    for (const personal of ['Ana Pérez', 'ana@example.com', 'Ana called'])
      expect(analyst.text).not.toContain(personal);
    expect(analyst.body[0].data.debtor).toEqual({
      reference: 'D-PII-1',
      identity: { fullName: '***' },
      contact: { emails: ['***'], phones: [] },
    });
    expect(analyst.body[0].data.balance).toEqual({ principal: '100000', interest: '2000', fees: '1500' });
    const compliance = await eventsAs('compliance');
    expect(compliance.text).toContain('ana@example.com');
    expect(compliance.text).toContain('Ana called');
  });
});
