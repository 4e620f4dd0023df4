import { preparedDataDir, startBareNode, startTotem } from './lib/processes.ts';
import { type BenchResult, row, target } from './lib/report.ts';
import { median } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

/**
 * Time from spawning `node src/main.ts serve` to the first 200 on /readyz: with an existing data
 * directory (median of N starts), and the first-ever start (initdb, migrations, demo data). The
 * reference is a bare `node -e` HTTP server, measured the same way.
 */
export async function coldStartBench(opts: BenchOptions): Promise<BenchResult> {
  const { dataDir, firstStartMs } = await preparedDataDir();
  const totemMs: number[] = [];
  const referenceMs: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const reference = await startBareNode();
    referenceMs.push(reference.readyMs);
    await reference.stop();
    const totem = await startTotem(dataDir);
    totemMs.push(totem.readyMs);
    await totem.stop();
    console.log(`  start ${i + 1}/${opts.runs}: Totem ${Math.round(totem.readyMs)} ms, bare node ${Math.round(reference.readyMs)} ms`);
  }
  const warm = median(totemMs);
  const ref = median(referenceMs);
  return {
    name: 'cold-start',
    title: `Cold start: spawn to first 200 on /readyz (embedded database; median of ${opts.runs})`,
    reference: 'bare `node -e` HTTP server, same measurement',
    rows: [row('existing data dir', 'ms', warm, ref), row('first start (initdb, migrations, demo data)', 'ms', firstStartMs, ref)],
    targets: [target('cold start with an existing data dir', warm, 5000, 'ms')],
    details: { runs: opts.runs, existingDataDirMs: totemMs, referenceMs, firstStartMs },
  };
}
