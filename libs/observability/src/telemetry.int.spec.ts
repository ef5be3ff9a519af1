import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestDatabase } from '@cartera/testing';
import { startTelemetry } from './telemetry';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

describe('startTelemetry', () => {
  const db = useTestDatabase();

  it('does not start at all when OTEL_SDK_DISABLED=true', async () => {
    const telemetry = startTelemetry({
      serviceName: 'x',
      env: { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' },
    });
    expect(telemetry).toMatchObject({ enabled: false, exporting: false });
  });

  it('traces pg queries without their parameters (they carry personal data)', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', join(root, 'tools', 'register.cjs'), join(__dirname, 'testing', 'pg-spans.fixture.ts')],
      { cwd: root, env: { PATH: process.env.PATH, DATABASE_URL: db().url } },
    );
    const spans = JSON.parse(stdout) as { name: string; attributes: Record<string, unknown> }[];
    const query = spans.find((s) =>
      Object.values(s.attributes).some((v) => String(v).includes('SELECT $1::text')),
    );
    expect(query).toBeDefined();
    expect(stdout).not.toMatch(/jane\.doe@example\.com|Jane Doe/);
    // A query outside any traced operation (a poll, a background job) makes no root span.
    expect(stdout).not.toMatch(/outside_any_operation/);
  });
});
