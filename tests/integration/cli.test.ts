import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../helpers/database.ts';

/**
 * The command line and the server as a person runs them: a real process on a fresh data
 * directory (embedded database, or the PostgreSQL server of TEST_DATABASE_URL).
 */
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'totem-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SMTP_URL: '' };
if (!process.env.TEST_DATABASE_URL) delete env.DATABASE_URL;
let pgDatabase: { url: string; drop: () => Promise<void> } | undefined;
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await pgDatabase?.drop();
});

async function databaseEnv() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return {};
  pgDatabase ??= await throwawayDatabase(server, 'totem_cli');
  return { DATABASE_URL: pgDatabase.url };
}

async function totem(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { env: { ...env, ...(await databaseEnv()) }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('totem command line', () => {
  it('migrates, seeds the demo ecosystems idempotently, and creates accounts', async () => {
    expect((await totem('migrate')).out).toMatch(/pending: 0/);
    expect((await totem('seed')).out).toContain('Demo data loaded.');
    expect((await totem('seed')).out).toContain('nothing changed');
    const created = await totem(
      'user',
      'create',
      '--email',
      'ops@example.test',
      '--territory',
      'calaisis',
      '--role',
      'staff',
      '--password',
      'a-long-password',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('now holds the role staff in calaisis');
    const bad = await totem('user', 'create', '--email', 'x@example.test', '--territory', 'calaisis', '--role', 'emperor');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('unknown role');
  });

  it('serves with an API token made by the CLI, and stops gracefully on SIGTERM', async () => {
    const token = await totem('token', 'create', '--email', 'ops@example.test', '--name', 'ci');
    expect(token.code).toBe(0);
    const secret = token.out.trim();
    expect(secret).toMatch(/^totem_/);

    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [main, 'serve', '--no-seed'], {
      env: { ...env, ...(await databaseEnv()), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout?.on('data', (d) => {
      logs += d;
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBeTruthy();
    const members = await fetch(`${base}/api/v1/territories/calaisis/members`, { headers: { authorization: `Bearer ${secret}` } });
    expect(members.status).toBe(403);
    const territories = await fetch(`${base}/api/v1/territories`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await territories.json()).items.map((t: { slug: string }) => t.slug).sort()).toEqual([
      'aix-marseille',
      'bethune-bruay',
      'calaisis',
      'lens-lievin',
    ]);

    // Structured JSON logs with request ids.
    const line = logs.split('\n').find((l) => l.includes('"reqId"'));
    expect(JSON.parse(line ?? '{}')).toHaveProperty('reqId');

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${base}/api/v1/territories/calaisis/communes`);
    await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(logs).toContain('shutting down');
  });

  it('backs up and restores through the CLI', async () => {
    const file = join(dataDir, 'backup.jsonl');
    const b = await totem('backup', file);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/rows from \d+ tables/);
    const refused = await totem('restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not empty');
    const replaced = await totem('restore', file, '--replace');
    expect(replaced.code).toBe(0);
  });
});
