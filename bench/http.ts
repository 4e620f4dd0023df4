import { writeFileSync } from 'node:fs';
import autocannon, { type Result } from 'autocannon';
import { preparedDataDir, removeDir, type Server, startBareFastify, startTotem, tempDir } from './lib/processes.ts';
import { type BenchResult, type Row, row } from './lib/report.ts';
import { percentile } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const endpoints = ['/api/v1/territories', '/healthz'] as const;

type Load = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number; non2xx: number };

/** autocannon's own histogram keeps whole milliseconds; the response times it reports are finer. */
async function load(server: Server, path: string, opts: BenchOptions, duration: number): Promise<Load> {
  const times: number[] = [];
  const r: Result = await autocannon({ url: `${server.url}${path}`, connections: opts.connections, duration }).on(
    'response',
    (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    },
  );
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * HTTP throughput and latency of Totem (embedded database, demo data) against a bare Fastify
 * process answering the same JSON, endpoint by endpoint, each after a one-second warm-up.
 */
export async function httpBench(opts: BenchOptions): Promise<BenchResult> {
  const { dataDir } = await preparedDataDir();
  const scratch = tempDir('http');
  const totem = await startTotem(dataDir);
  let bare: Server | undefined;
  try {
    const body = await (await fetch(`${totem.url}/api/v1/territories`)).text();
    const payloadFile = `${scratch}/territories.json`;
    writeFileSync(payloadFile, body);
    bare = await startBareFastify(payloadFile);
    const bareBody = await (await fetch(`${bare.url}/api/v1/territories`)).text();

    const rows: Row[] = [];
    const measured: Record<string, { totem: Load; reference: Load }> = {};
    for (const path of endpoints) {
      const pair: Partial<{ totem: Load; reference: Load }> = {};
      // The reference first, then Totem, each warmed up, so both see the machine in the same state.
      for (const [key, server] of [
        ['reference', bare],
        ['totem', totem],
      ] as const) {
        await load(server, path, opts, 1);
        pair[key] = await load(server, path, opts, opts.duration);
        console.log(`  ${server.name.padEnd(12)} GET ${path}: ${Math.round(pair[key].requestsPerSecond)} req/s`);
      }
      const { totem: t, reference: b } = pair as { totem: Load; reference: Load };
      measured[path] = { totem: t, reference: b };
      rows.push(row(`GET ${path} throughput`, 'req/s', t.requestsPerSecond, b.requestsPerSecond));
      rows.push(row(`GET ${path} latency p50`, 'ms', t.p50Ms, b.p50Ms));
      rows.push(row(`GET ${path} latency p99`, 'ms', t.p99Ms, b.p99Ms));
      if (t.errors + t.non2xx > 0) console.warn(`  warning: Totem answered ${t.non2xx} non-2xx and ${t.errors} errors on ${path}`);
    }
    return {
      name: 'http',
      title: `HTTP: ${opts.connections} connections, ${opts.duration} s per endpoint (autocannon)`,
      reference: 'bare Fastify process answering the same JSON body',
      rows,
      targets: [],
      details: {
        connections: opts.connections,
        durationSeconds: opts.duration,
        bodyBytes: { totem: Buffer.byteLength(body), reference: Buffer.byteLength(bareBody) },
        endpoints: measured,
      },
    };
  } finally {
    await bare?.stop();
    await totem.stop();
    removeDir(scratch);
  }
}
