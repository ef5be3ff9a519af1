import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@cartera/contracts';
import type { ReceivedMessage } from '@cartera/messaging';
import { createPostgresBus, type PostgresBus } from '@cartera/messaging/postgres';
import { createApp, signDevToken, type Role } from '@cartera/platform';
import request from 'supertest';
import { CaseManagementBackground } from '../case-management.background';
import { CaseManagementModule } from '../case-management.module';
import { CasesCommands } from '../cases/cases.commands';
import { caseIdOf } from '../cases/case-ids';

/** The case-management app on a test database, a bus publishing as the ledger would, and HTTP helpers. */
export const startCaseManagement = async (url: string) => {
  const app: INestApplication = await createApp(CaseManagementModule, {
    env: { DATABASE_URL: url, LOG_LEVEL: 'silent' },
  });
  const ledgerBus: PostgresBus = createPostgresBus({ connectionString: url, source: 'cartera/ledger' });
  const http = request(app.getHttpServer());
  const as = async (roles: Role[], opts: { sub?: string; creditors?: string[] } = {}) =>
    `Bearer ${await signDevToken({ roles, sub: opts.sub ?? `${roles[0]}-1`, ...(opts.creditors ? { creditors: opts.creditors } : {}) })}`;
  /** Every message of `topic` so far, read by a throwaway consumer group. */
  const published = async (
    topic: string = TOPICS.caseManagement,
    until: (m: ReceivedMessage[]) => boolean = () => true,
  ) => {
    const seen: ReceivedMessage[] = [];
    const consumer = ledgerBus.subscribe({
      topics: [topic],
      group: `test-${Math.random().toString(36).slice(2)}`,
      policy: { kind: 'dead-letter', maxAttempts: 1 },
      validate: false,
      handler: async (m) => void seen.push(m),
    });
    await consumer.started;
    const deadline = Date.now() + 10_000;
    while (!until(seen) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await consumer.stop();
    return seen;
  };
  return {
    app,
    http,
    as,
    ledgerBus,
    published,
    commands: app.get(CasesCommands),
    caseIdOf,
    caughtUp: () => app.get(CaseManagementBackground).caughtUp(),
    close: async () => {
      await ledgerBus.close();
      await app.close();
    },
  };
};

export type CaseHarness = Awaited<ReturnType<typeof startCaseManagement>>;
