/**
 * `npm run bench [-- <name>…] [--duration s] [--connections n] [--runs n] [--node-option flag]`
 *
 * Runs Totem's benchmarks (all by default: cold-start, http, memory, directory, places, calls), prints one table each and
 * writes `bench/results/<name>.json`. Every figure stands beside a reference measured in the same
 * run on the same machine, because absolute figures vary from machine to machine; the ratios travel.
 */
import { parseArgs } from 'node:util';
import { callsAssignmentBench } from './calls-assignment.ts';
import { coldStartBench } from './cold-start.ts';
import { directoryBench } from './directory/search.ts';
import { httpBench } from './http.ts';
import { removePreparedDataDirs, setTotemNodeOptions } from './lib/processes.ts';
import { type BenchResult, printResult, writeResult } from './lib/report.ts';
import { memoryBench } from './memory.ts';
import { placesBench } from './places/bench.ts';

export type BenchOptions = {
  /** Seconds of load per endpoint and server. */
  duration: number;
  /** Concurrent HTTP connections. */
  connections: number;
  /** Starts measured for the cold-start median. */
  runs: number;
  /** Directory scales (territory, region, national); territory and region when none is named. */
  scales?: string[];
  /** Directory engines (pglite, postgres); both when a server is named, else PGlite. */
  engines?: string[];
  /** Bookings generated for the places benchmark (default 1,000,000). */
  bookings?: number;
};

const benches: Record<string, (opts: BenchOptions) => Promise<BenchResult>> = {
  'cold-start': coldStartBench,
  http: httpBench,
  memory: memoryBench,
  directory: (o) => directoryBench({ scales: o.scales ?? [], engines: o.engines ?? [] }),
  places: (o) => placesBench({ bookings: o.bookings, connections: o.connections, duration: o.duration }),
  calls: (o) => callsAssignmentBench({ runs: o.runs }),
};
const aliases: Record<string, string> = {
  cold: 'cold-start',
  coldstart: 'cold-start',
  startup: 'cold-start',
  mem: 'memory',
  rss: 'memory',
};

const usage = `Usage: npm run bench [-- <name>…] [--duration <s>] [--connections <n>] [--runs <n>] [--node-option <flag>]
Benchmarks: ${Object.keys(benches).join(', ')} (all when none is named)
  --duration     seconds of HTTP load per endpoint and server (default 5)
  --connections  concurrent connections (default 10)
  --runs         starts measured for the cold-start median, solves for the calls median (default 5)
  --node-option  an option for the Totem process's node, repeatable (e.g. --node-option=--liftoff-only)
  --scale        directory scales, repeatable: territory, region, national (default territory and region)
  --engine       directory engines, repeatable: pglite, postgres (default both with a server, else pglite)
  --bookings     bookings generated for places (default 1,000,000)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
    'node-option': { type: 'string', multiple: true, default: [] },
    scale: { type: 'string', multiple: true, default: [] },
    engine: { type: 'string', multiple: true, default: [] },
    bookings: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const opts: BenchOptions = {
  duration: Math.min(60, Math.max(1, Number(values.duration))),
  connections: Math.min(200, Math.max(1, Number(values.connections))),
  runs: Math.min(20, Math.max(1, Number(values.runs))),
};
if (Object.values(opts).some((v) => !Number.isFinite(v))) {
  console.error(usage);
  process.exit(2);
}
opts.scales = values.scale.flatMap((s) => s.split(','));
opts.engines = values.engine.flatMap((s) => s.split(','));
if (values.bookings !== undefined) {
  opts.bookings = Number(values.bookings.replaceAll(/[_,]/g, ''));
  if (!Number.isInteger(opts.bookings) || opts.bookings < 1 || opts.bookings > 20_000_000) {
    console.error(usage);
    process.exit(2);
  }
}
setTotemNodeOptions(values['node-option']);
const names = positionals.length ? positionals.map((p) => aliases[p] ?? p) : Object.keys(benches);
const unknown = names.filter((n) => !benches[n]);
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}\n${usage}`);
  process.exit(2);
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const results: BenchResult[] = [];
let failed = false;
try {
  for (const name of names) {
    const bench = benches[name];
    if (!bench) continue;
    console.log(`\n# ${name}`);
    const started = performance.now();
    try {
      const result = await bench(opts);
      if (values['node-option'].length) {
        result.title += ` [Totem run with node ${values['node-option'].join(' ')}]`;
        result.details.totemNodeOptions = values['node-option'];
      }
      printResult(result);
      console.log(`Written to ${writeResult(result)} (${Math.round((performance.now() - started) / 1000)} s)`);
      results.push(result);
    } catch (err) {
      failed = true;
      console.error(`Benchmark ${name} failed:`, err instanceof Error ? err.message : err);
    }
  }
} finally {
  await removePreparedDataDirs();
}

const targets = results.flatMap((r) => r.targets);
if (targets.length) {
  console.log('\nTargets');
  for (const t of targets)
    console.log(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.label}: ${t.value} ${t.unit} (target < ${t.limit} ${t.unit})`);
}
process.exit(failed ? 1 : 0);
