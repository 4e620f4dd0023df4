import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the benchmarks run Totem from its sources, like `npm start`). */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** How long a server may take to answer before the benchmark gives up (a first start runs initdb). */
const startTimeoutMs = 180_000;

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port the kernel reports free on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `totem-bench-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Resident memory of a process, in MiB, from /proc/<pid>/status: current (VmRSS) and peak (VmHWM). */
export type Memory = { rssMiB: number; hwmMiB: number };

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

/** A server started as a child process, measured from the moment it was spawned. */
export type Server = {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 on the readiness path. */
  readyMs: number;
  stop(): Promise<void>;
};

type StartOptions = {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  port: number;
  /** Polled until it answers 200. */
  readyPath: string;
};

/** Spawns `node <args>` and polls `readyPath` every 10 ms until it answers 200. */
export async function startServer(opts: StartOptions): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, opts.args, {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
    running.delete(child);
  });

  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  };

  while (true) {
    if (exitCode !== undefined) throw new Error(`${opts.name} exited with code ${exitCode} before it was ready:\n${output}`);
    if (performance.now() - started > startTimeoutMs) {
      await stop();
      throw new Error(`${opts.name} was not ready within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    const ok = await fetch(`${url}${opts.readyPath}`, { signal: AbortSignal.timeout(2000) }).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status === 200;
      },
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  if (child.pid === undefined) throw new Error(`${opts.name} has no process id`);
  return { name: opts.name, url, pid: child.pid, readyMs, stop };
}

/** The `node` options of `npm start`, read from package.json so that the benchmarks measure what people run. */
export function startScriptNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts.start ?? '').split(/\s+/);
  return words
    .slice(words.indexOf('node') + 1)
    .filter((w, i, all) => w.startsWith('--') && all.slice(0, i).every((x) => x.startsWith('--')));
}

/** `node` options for the Totem process: those of `npm start`, or `--node-option` values to compare V8 settings. */
let totemNodeOptions: string[] = startScriptNodeOptions();
export function setTotemNodeOptions(options: string[]): void {
  if (options.length) totemNodeOptions = options;
}

/** Totem as `npm start` runs it (without the web build), on the embedded database in `dataDir`. */
export async function startTotem(dataDir: string): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'Totem',
    args: [...totemNodeOptions, 'src/main.ts', 'serve'],
    port,
    readyPath: '/readyz',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
  });
}

/** The smallest Node HTTP server: the floor under any cold start on this machine. */
export async function startBareNode(): Promise<Server> {
  const port = await freePort();
  const program = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";
  return startServer({ name: 'bare node', args: ['-e', program], port, readyPath: '/readyz', env: { PORT: String(port) } });
}

/** A bare Fastify process serving `payloadFile` as JSON, the reference for HTTP throughput. */
export async function startBareFastify(payloadFile: string): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'bare Fastify',
    args: ['bench/reference/bare-fastify.ts'],
    port,
    readyPath: '/healthz',
    env: { PORT: String(port), PAYLOAD_FILE: payloadFile },
  });
}

/** A data directory after Totem's first-ever start, with how long that start took and the memory it left. */
export type PreparedDataDir = { dataDir: string; firstStartMs: number; firstStartMemory: Memory };

const preparedDirs = new Map<string, Promise<PreparedDataDir>>();

/**
 * A data directory that has seen one start (initdb, migrations, demo data), shared by the
 * benchmarks of one run.
 */
export function preparedDataDir(key = 'shared'): Promise<PreparedDataDir> {
  let p = preparedDirs.get(key);
  if (!p) {
    p = (async () => {
      const dataDir = tempDir('data');
      const server = await startTotem(dataDir);
      await new Promise((r) => setTimeout(r, 1000));
      const firstStartMemory = memoryOf(server.pid);
      await server.stop();
      return { dataDir, firstStartMs: server.readyMs, firstStartMemory };
    })();
    preparedDirs.set(key, p);
  }
  return p;
}

export async function removePreparedDataDirs(): Promise<void> {
  for (const p of preparedDirs.values()) {
    const { dataDir } = await p.catch(() => ({ dataDir: '' }));
    if (dataDir) removeDir(dataDir);
  }
  preparedDirs.clear();
}
