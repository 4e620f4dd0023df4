import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { type Memory, memoryOf, preparedDataDir, removeDir, type Server, startBareFastify, startTotem, tempDir } from './lib/processes.ts';
import { type BenchResult, row, target } from './lib/report.ts';
import type { BenchOptions } from './run.ts';

const settle = () => new Promise((r) => setTimeout(r, 1000));

/** Memory after start (one second after ready), then after load on the public endpoints. */
async function profile(server: Server, opts: BenchOptions): Promise<{ afterStart: Memory; afterLoad: Memory }> {
  await settle();
  const afterStart = memoryOf(server.pid);
  for (const path of ['/api/v1/territories', '/healthz']) {
    await autocannon({ url: `${server.url}${path}`, connections: opts.connections, duration: opts.duration });
  }
  await settle();
  return { afterStart, afterLoad: memoryOf(server.pid) };
}

/**
 * Resident memory (VmRSS, and the peak VmHWM) of the Totem process on the embedded database, after
 * start and after HTTP load; the reference is a bare Fastify process under the same load.
 */
export async function memoryBench(opts: BenchOptions): Promise<BenchResult> {
  const { dataDir, firstStartMemory } = await preparedDataDir();
  const scratch = tempDir('memory');
  const totem = await startTotem(dataDir);
  let bare: Server | undefined;
  try {
    const payloadFile = `${scratch}/territories.json`;
    writeFileSync(payloadFile, await (await fetch(`${totem.url}/api/v1/territories`)).text());
    const t = await profile(totem, opts);
    bare = await startBareFastify(payloadFile);
    const b = await profile(bare, opts);
    const worst = Math.max(t.afterStart.rssMiB, t.afterLoad.rssMiB);
    return {
      name: 'memory',
      title: 'Memory: resident set of the server process (embedded database)',
      reference: 'bare Fastify process answering the same JSON, same load',
      rows: [
        row('RSS after start', 'MiB', t.afterStart.rssMiB, b.afterStart.rssMiB),
        row(`RSS after load (${opts.duration} s per endpoint)`, 'MiB', t.afterLoad.rssMiB, b.afterLoad.rssMiB),
        row('peak RSS (VmHWM)', 'MiB', t.afterLoad.hwmMiB, b.afterLoad.hwmMiB),
        row('RSS after the first-ever start (initdb, migrations, demo data)', 'MiB', firstStartMemory.rssMiB, b.afterStart.rssMiB),
        row('peak RSS of the first-ever start', 'MiB', firstStartMemory.hwmMiB, b.afterStart.hwmMiB),
      ],
      targets: [target('RSS on the embedded database (after start and after load)', worst, 250, 'MiB')],
      details: { totem: t, reference: b, firstStart: firstStartMemory, connections: opts.connections, durationSeconds: opts.duration },
    };
  } finally {
    await bare?.stop();
    await totem.stop();
    removeDir(scratch);
  }
}
